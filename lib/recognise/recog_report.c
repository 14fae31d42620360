/*
 * recog_report.c - the 自评报告: its title (unit name and year), the
 * sections 一 … 十 with tolerant numbering, the attachment list, and
 * the cover labels and contact lines found anywhere in the document.
 *
 * A line is a top-level section heading when its number comes after
 * the last heading's and either its title is one of the known section
 * titles for that number (rules.md §5.3: 单位基本情况, 一般公共预算支出
 * 情况 … 其他需要说明的情况) or it is numbered 一、二、… in sequence
 * with a short title.  So "1、 单位基本情况" and "4、 国有资本经营预算支出
 * 情况" are headings while "2、党政办公室：…" and "（2） 项目支出情况"
 * are not.
 *
 * Who and when: the unit name and the year from the report's titles,
 * the form titles (a year anywhere in them), covers and, as a last
 * resort, run-together form lines, the sheets' 实施单位 and the report's
 * "X（以下简称…）"; never a URL, breadcrumb, file name or project name.
 * A report that reached us as run-together lines (a PDF's text) is read
 * from its title and its markers 一、二、… in order.
 */
#include "recognise/recog.h"

#include <string.h>

/* ---- headings ------------------------------------------------------- */

/* Chinese numerals one to ten. */
static const char *const cn_digits[] = {"一", "二", "三", "四", "五",
                                        "六", "七", "八", "九", "十"};

/* Read a Chinese numeral (一 … 九十九) at s; its value, or 0; *len gets
 * its length in bytes. */
static int cn_number(const char *s, size_t *len)
{
    int v = 0, cur = 0;
    size_t i = 0;
    bool any = false;
    for (;;) {
        int d = 0;
        for (int k = 0; k < 10; k++) {
            if (jx_rc_starts(s + i, cn_digits[k])) {
                d = k + 1;
                break;
            }
        }
        if (!d) {
            break;
        }
        any = true;
        i += strlen(cn_digits[d - 1]);
        if (d == 10) {
            v += (cur ? cur : 1) * 10;
            cur = 0;
        } else {
            cur = d;
        }
        if (i > 12) {
            return 0;
        }
    }
    *len = i;
    return any ? v + cur : 0;
}

/* Numbering styles of a heading. */
enum style { ST_NONE = 0, ST_CN, ST_ARABIC, ST_PAREN };

/* The number and style of the marker at the start of s, and where the
 * title after it starts (*title). */
static int marker(const char *s, enum style *st, const char **title)
{
    size_t i = 0, len = 0;
    int n = 0;
    *st = ST_NONE;
    if (jx_rc_starts(s, "（") || jx_rc_starts(s, "(")) {
        i = jx_rc_starts(s, "(") ? 1 : strlen("（");
        if (s[i] >= '0' && s[i] <= '9') {
            while (s[i] >= '0' && s[i] <= '9' && n < 100) {
                n = n * 10 + (s[i] - '0');
                i++;
            }
        } else {
            n = cn_number(s + i, &len);
            i += len;
        }
        if (!n) {
            return 0;
        }
        if (s[i] == ')') {
            i++;
        } else if (jx_rc_starts(s + i, "）")) {
            i += strlen("）");
        } else {
            return 0;
        }
        *st = ST_PAREN;
    } else if (s[0] >= '0' && s[0] <= '9') {
        while (s[i] >= '0' && s[i] <= '9' && n < 100) {
            n = n * 10 + (s[i] - '0');
            i++;
        }
        if (jx_rc_starts(s + i, "、")) {
            i += strlen("、");
        } else if (jx_rc_starts(s + i, "．") || s[i] == '.') {
            i += s[i] == '.' ? 1 : strlen("．");
            if (s[i] >= '0' && s[i] <= '9') {
                return 0; /* "1.2022年…", a number, not a marker */
            }
        } else {
            return 0;
        }
        *st = ST_ARABIC;
    } else {
        n = cn_number(s, &len);
        if (!n) {
            return 0;
        }
        i = len;
        if (jx_rc_starts(s + i, "、")) {
            i += strlen("、");
        } else if (jx_rc_starts(s + i, "．") || s[i] == '.') {
            i += s[i] == '.' ? 1 : strlen("．");
        } else {
            return 0;
        }
        *st = ST_CN;
    }
    while (s[i] == ' ') {
        i++;
    }
    *title = s + i;
    return n;
}

/* Words that identify the known title of each section 1..10. */
static const char *const known[10][4] = {
    {"基本情况", "单位概况", "部门概况", NULL},
    {"一般公共预算", NULL, NULL, NULL},
    {"政府性基金", NULL, NULL, NULL},
    {"国有资本经营", NULL, NULL, NULL},
    {"社会保险基金", NULL, NULL, NULL},
    {"绩效情况", "绩效分析", NULL, NULL},
    {"存在的问题", "存在问题", "问题及原因", NULL},
    {"改进措施", "工作建议", NULL, NULL},
    {"结果拟应用", "结果应用", "应用和公开", "应用及公开"},
    {"其他需要说明", "其他说明", NULL, NULL},
};

/* True when key is a known title of section n. */
static bool known_title(int n, const char *key)
{
    for (int k = 0; k < 4 && known[n - 1][k]; k++) {
        if (jx_rc_has(key, known[n - 1][k])) {
            return true;
        }
    }
    return false;
}

/* Words a section title ends with, when a heading line runs on into
 * its first paragraph. */
static const char *const title_ends[] = {"情况", "分析", "措施", "建议",
                                         "说明"};

/* The byte length of a title at the start of t that runs on into body
 * text: up to the first title ending after a known word of section n,
 * within 32 characters; 0 when there is none. */
static size_t split_title(const char *t, int n)
{
    size_t best = 0;
    for (int k = 0; k < 4 && known[n - 1][k]; k++) {
        const char *w = strstr(t, known[n - 1][k]);
        if (!w) {
            continue;
        }
        const char *from = w + strlen(known[n - 1][k]);
        for (size_t j = 0; j < sizeof title_ends / sizeof title_ends[0];
             j++) {
            const char *e = strstr(w, title_ends[j]);
            if (!e) {
                continue;
            }
            e += strlen(title_ends[j]);
            if (e < from) {
                e = from;
            }
            size_t len = (size_t)(e - t);
            if (jx_utf8_count(t, len) <= 32 && (!best || len < best)) {
                best = len;
            }
        }
    }
    return best;
}

/* True when a title key may stand alone as a heading: 2 to 32
 * characters, no sentence punctuation inside. */
static bool title_shape(const char *key)
{
    size_t len = jx_utf8_count(key, strlen(key));
    if (len < 2 || len > 32) {
        return false;
    }
    const char *stop = strstr(key, "。");
    return !((stop && stop[strlen("。")] != '\0') || jx_rc_has(key, "；") ||
             jx_rc_has(key, "：") || jx_rc_has(key, "，"));
}

/* If text is a top-level heading after section `last`, its number (and
 * *title the title text, *tlen its length in bytes), else 0.  A heading
 * joined to the paragraph after it is cut after its title when its
 * number is the next one and its title a known one. */
static int heading(struct jx_rc *rc, const char *text, int last,
                   const char **title, size_t *tlen)
{
    enum style st;
    int n = marker(text, &st, title);
    if (n < 1 || n > 10 || n <= last) {
        return 0;
    }
    *tlen = strlen(*title);
    const char *key = jx_text_compact(rc->arena, *title);
    if (title_shape(key)) {
        if (known_title(n, key)) {
            /* "九、…公开情况已按要求公开。": the first paragraph ran on */
            size_t len = n == last + 1 ? split_title(*title, n) : 0;
            if (len && (*title)[len] && jx_rc_ends(key, "。")) {
                *tlen = len;
            }
            return n;
        }
        if (st == ST_CN && n == last + 1 &&
            jx_utf8_count(key, strlen(key)) <= 24) {
            return n;
        }
        return 0;
    }
    if (n != last + 1) {
        return 0;
    }
    size_t len = split_title(*title, n);
    if (!len || !(*title)[len]) {
        return 0;
    }
    const char *head = jx_strndup(rc->arena, *title, len);
    if (!title_shape(jx_text_compact(rc->arena, head))) {
        return 0;
    }
    *tlen = len;
    return n;
}

/* Mark the headings and the section of every report row. */
void jx_rc_sections(struct jx_rc *rc)
{
    int last = 0;
    for (size_t i = 0; i < rc->nrows; i++) {
        struct jx_rc_row *r = &rc->rows[i];
        if (r->kind != JX_RC_REPORT || r->table) {
            continue;
        }
        if (r->title) {
            r->section = 0;
            continue;
        }
        const char *t;
        size_t tlen = 0;
        int n = heading(rc, jx_rcc_text(&r->cells[0]), last, &t, &tlen);
        if (n) {
            r->heading = true;
            r->line->title_len = (uint32_t)tlen;
            const char *rest = t + tlen;
            while (*rest == ' ') {
                rest++;
            }
            r->line->after = *rest ? rest : NULL;
            last = n;
        }
        r->section = (short)last;
    }
}

/* ---- who and when ----------------------------------------------------- */

static const char *drop_seal(struct jx_arena *a, const char *v);
static void title_parts(struct jx_arena *a, const char *key,
                        const char **name, int *year);

/* Endings of the names of budget units (局, 中心, 人民政府 …): a name
 * read from a title must end in one of them. */
static const char *const org_endings[] = {
    "局", "委", "会", "中心", "办", "室", "处", "院", "校", "所", "站",
    "馆", "队", "府", "公司", "街道", "镇", "乡", "部", "厅", "社", "团",
    "园", "场", "台", "组", "科", "股", "司", "联", "协", "人大", "厂",
    "宫", "署", "监委", "学", "库", "村",
};

/* Endings that make a text a project, a fund or a document rather than
 * a unit name. */
static const char *const not_unit_endings[] = {
    "项目", "资金", "经费", "专项", "支出", "报告", "表", "工程", "补助",
    "补贴", ".doc", ".docx", ".pdf", ".xls", ".xlsx", ".txt", ".htm",
    ".html", ".shtml", ".wps", ".et",
};

/* Words that never stand in a unit name: a title's, a URL's, a portal
 * breadcrumb's. */
static const char *const not_unit_words[] = {
    "://", "www.", "http", "首页", "位置", ">", "＞", "»", "›", "索引号",
    "发布机构", "发布日期", "。",
};

/* Words of a title, not of a unit's name, unless the name ends like one
 * (a 预算绩效评价中心 is a unit). */
static const char *const title_words[] = {"绩效", "自评", "评价"};

/* True when s ends like a unit's name (org_endings). */
static bool org_ending(const char *s)
{
    for (size_t k = 0; k < sizeof org_endings / sizeof org_endings[0]; k++) {
        if (jx_rc_ends(s, org_endings[k])) {
            return true;
        }
    }
    return false;
}

/* True when a line is a portal breadcrumb ("您现在的位置：首页 > …")
 * or a URL, never a title. */
static bool breadcrumb(const char *key)
{
    bool arrow = jx_rc_has(key, ">") || jx_rc_has(key, "＞") ||
                 jx_rc_has(key, "»") || jx_rc_has(key, "›");
    return (arrow && (jx_rc_has(key, "首页") || jx_rc_has(key, "位置"))) ||
           jx_rc_has(key, "您现在的位置") || jx_rc_has(key, "当前位置") ||
           jx_rc_has(key, "://") || jx_rc_starts(key, "www.");
}

/* True when s[0..n) is a pinyin gloss: Latin letters, with or without
 * tone marks (ā á ǎ à … are two bytes each in UTF-8, C3/C4/C5/C7 lead
 * bytes). */
static bool pinyin(const char *s, size_t n)
{
    if (n == 0 || n > 16) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            continue;
        }
        if ((c == 0xC3 || c == 0xC4 || c == 0xC5 || c == 0xC7) && i + 1 < n &&
            ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
            i++;
            continue;
        }
        return false;
    }
    return true;
}

/* s without the pinyin glosses some mirrors put after characters
 * ("蔡甸区(qū)园林和林业(yè)局" → "蔡甸区园林和林业局"). */
static const char *drop_glosses(struct jx_arena *a, const char *s)
{
    if (!strchr(s, '(')) {
        return s;
    }
    struct jx_buf b;
    jx_buf_init(&b, 1u << 16);
    for (size_t i = 0; s[i];) {
        if (s[i] == '(') {
            const char *e = strchr(s + i, ')');
            if (e && pinyin(s + i + 1, (size_t)(e - s - i - 1))) {
                i = (size_t)(e - s) + 1;
                continue;
            }
        }
        jx_buf_addc(&b, s[i]);
        i++;
    }
    const char *r = jx_strndup(a, b.p ? b.p : "", b.len);
    jx_buf_release(&b);
    return r;
}

/* Extensions of file names; a title's words followed by one are a
 * file's name, not a title. */
static const char *const file_exts[] = {".docx", ".doc", ".pdf", ".xlsx",
                                        ".xls", ".wps", ".txt", ".shtml",
                                        ".html", ".htm"};

/* True when s starts with a file name's extension. */
static bool file_ext_at(const char *s)
{
    for (size_t k = 0; k < sizeof file_exts / sizeof file_exts[0]; k++) {
        if (jx_rc_starts(s, file_exts[k])) {
            return true;
        }
    }
    return false;
}

/* Where the text of k[0..end) after the last file extension or URL
 * scheme starts (0 when there is none): a title is never read across a
 * file's name or a URL. */
static size_t after_file_names(const char *k, size_t end)
{
    size_t start = 0;
    for (size_t j = 0; j < end; j++) {
        if (k[j] == '.' && file_ext_at(k + j)) {
            size_t e = j + 1;
            while (e < end && ((k[e] >= 'a' && k[e] <= 'z') ||
                               (k[e] >= 'A' && k[e] <= 'Z'))) {
                e++;
            }
            start = e;
        } else if (jx_rc_starts(k + j, "://")) {
            size_t e = j;
            while (e < end && (unsigned char)k[e] < 0x80 && k[e] != ' ') {
                e++;
            }
            start = e;
        }
    }
    return start;
}

/* The unit name in a candidate text (see recog.h): a leading budget
 * code ("219001-") and seals dropped, spaces trimmed; NULL when what is
 * left cannot be a unit's name. */
const char *jx_rc_unit_name(struct jx_arena *a, const char *name)
{
    if (!name) {
        return NULL;
    }
    if (strlen(name) > 1024) {
        return NULL; /* a paragraph, not a name */
    }
    const char *s = jx_text_compact(a, name);
    size_t d = 0;
    while (s[d] >= '0' && s[d] <= '9') {
        d++;
    }
    if (d >= 2 && (s[d] == '-' || jx_rc_starts(s + d, "－") ||
                   jx_rc_starts(s + d, "—"))) {
        s += d + (s[d] == '-' ? 1 : strlen("－"));
    }
    s = drop_seal(a, s);
    s = drop_glosses(a, s);
    size_t n = strlen(s);
    size_t cp = jx_utf8_count(s, n);
    if (cp < 3 || cp > 50) {
        return NULL;
    }
    for (size_t k = 0; k < sizeof not_unit_words / sizeof not_unit_words[0];
         k++) {
        if (jx_rc_has(s, not_unit_words[k])) {
            return NULL;
        }
    }
    for (size_t k = 0; k < sizeof title_words / sizeof title_words[0]; k++) {
        if (jx_rc_has(s, title_words[k]) && !org_ending(s)) {
            return NULL;
        }
    }
    for (size_t k = 0;
         k < sizeof not_unit_endings / sizeof not_unit_endings[0]; k++) {
        if (jx_rc_ends(s, not_unit_endings[k])) {
            return NULL;
        }
    }
    return s;
}

/* Words that may follow a unit's name in a title without being part of
 * it ("某中心项目资金绩效自评报告", "某局机关整体支出…"). */
static const char *const after_name_words[] = {
    "项目", "资金", "支出", "部门", "单位", "整体", "机关", "本级",
    "专项", "经费", "财政", "预算", "和", "及", "与",
};

/* True when s is made only of after_name_words. */
static bool only_after_words(const char *s)
{
    while (*s) {
        size_t k = 0, nw = sizeof after_name_words / sizeof after_name_words[0];
        for (; k < nw; k++) {
            if (jx_rc_starts(s, after_name_words[k])) {
                s += strlen(after_name_words[k]);
                break;
            }
        }
        if (k == nw) {
            return false;
        }
    }
    return true;
}

/* The start of a name taken from a title or a run-together line that
 * ends like a unit's name, when what follows it is only words such as
 * 项目资金 ("红河州数据发展中心项目资金" → "红河州数据发展中心"); NULL
 * when there is none of at least three characters. */
static const char *org_prefix(struct jx_arena *a, const char *name)
{
    size_t n = strlen(name);
    for (size_t end = n; end > 0; end--) {
        if (end < n && (name[end] & 0xC0) == 0x80) {
            continue; /* inside a character */
        }
        if (!only_after_words(name + end)) {
            continue;
        }
        const char *t = jx_strndup(a, name, end);
        for (size_t k = 0; k < sizeof org_endings / sizeof org_endings[0];
             k++) {
            if (jx_rc_ends(t, org_endings[k]) &&
                jx_utf8_count(t, end) >= 3) {
                return t;
            }
        }
    }
    return NULL;
}

/* The digit value of the character at s (ASCII, full-width ０-９, or
 * 〇 ○ 零 一 … 九 as written in formal titles), its length in *len; -1
 * when it is none. */
static int any_digit(const char *s, size_t *len)
{
    static const char *const cn[] = {"〇", "一", "二", "三", "四",
                                     "五", "六", "七", "八", "九"};
    if (*s >= '0' && *s <= '9') {
        *len = 1;
        return *s - '0';
    }
    if ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC &&
        (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99) {
        *len = 3;
        return (unsigned char)s[2] - 0x90;
    }
    if (jx_rc_starts(s, "○") || jx_rc_starts(s, "零")) {
        *len = strlen("零");
        return 0;
    }
    for (int d = 0; d < 10; d++) {
        if (jx_rc_starts(s, cn[d])) {
            *len = strlen(cn[d]);
            return d;
        }
    }
    return -1;
}

/* A year written with four full-width or Chinese digits and 年
 * ("二〇二三年度", "２０２３年"); its value (0 when none) and length
 * (年 and 度 included) in *len. */
static int wide_year(const char *s, size_t *len)
{
    size_t i = 0;
    int y = 0;
    bool ascii = true;
    for (int k = 0; k < 4; k++) {
        size_t l;
        int d = any_digit(s + i, &l);
        if (d < 0) {
            return 0;
        }
        ascii = ascii && l == 1;
        y = y * 10 + d;
        i += l;
    }
    size_t l;
    if (ascii || any_digit(s + i, &l) >= 0 || !jx_rc_starts(s + i, "年") ||
        y < 1900 || y > 2199) {
        return 0;
    }
    i += strlen("年");
    if (jx_rc_starts(s + i, "度")) {
        i += strlen("度");
    }
    *len = i;
    return y;
}

/* The year of a title (see recog.h): "2023年度" anywhere in it, also
 * "(2023年度)" and "2019年度)" with a parenthesis lost, never a date's
 * year ("2022年3月22日") or part of a longer number; 0 when none. */
int jx_rc_title_year(const char *key)
{
    int fallback = 0;
    for (size_t i = 0; key[i]; i++) {
        size_t len;
        int y = wide_year(key + i, &len);
        if (y) {
            if (jx_rc_starts(key + i + len - strlen("度"), "度")) {
                return y;
            }
            fallback = fallback ? fallback : y;
            continue;
        }
        if (key[i] < '0' || key[i] > '9' ||
            (i > 0 && key[i - 1] >= '0' && key[i - 1] <= '9')) {
            continue;
        }
        y = jx_text_year_prefix(key + i, &len);
        if (!y || len <= 4) {
            continue; /* not followed by 年 */
        }
        const char *after = key + i + len;
        if (after[0] >= '0' && after[0] <= '9') {
            continue; /* 2022年3月: a date */
        }
        if (len >= 4 + strlen("年度") &&
            jx_rc_starts(key + i + len - strlen("度"), "度")) {
            return y;
        }
        if (!fallback) {
            fallback = y;
        }
    }
    return fallback;
}

/* True when a line holds nothing but a year: "(2023年度)", "2019年度)",
 * "（2023年度）" — the second line of a title. */
static int year_line(const char *key)
{
    const char *s = key;
    if (jx_rc_starts(s, "（")) {
        s += strlen("（");
    } else if (*s == '(') {
        s++;
    }
    size_t len;
    int y = jx_text_year_prefix(s, &len);
    if (!y || len <= 4) {
        return 0;
    }
    s += len;
    if (jx_rc_starts(s, "）")) {
        s += strlen("）");
    } else if (*s == ')') {
        s++;
    }
    return *s ? 0 : y;
}

/* Labels of the unit inside a run-together line, surest first, and
 * the words that end a value after one. */
static const char *const inline_labels[] = {
    "预算单位名称", "单位名称", "單位名稱", "项目实施单位", "实施单位",
    "實施單位", "项目单位", "项目主管单位", "主管部门", "主管部門",
    "预算单位",
};
static const char *const inline_stops[] = {
    "实施单位", "實施單位", "主管部门", "主管部門", "主管单位", "项目",
    "項目", "资金", "資金", "填报", "填報", "填表", "联系", "負責人",
    "负责人", "预算", "預算", "年初", "全年", "单位名称", "單位名稱",
    "|", ":", "：", "(万元)", "（万元）", "编码",
};

/* Unit names after labels inside the paragraph lines that hold a whole
 * form run together ("… 实施单位 某县水利局 全年预算数 …",
 * "主管部门某局实施单位某局资金情况"): the value up to a blank or the
 * next label word, cut to its start that ends like a unit's name. */
static void inline_names(struct jx_rc *rc)
{
    size_t nl = sizeof inline_labels / sizeof inline_labels[0];
    for (size_t k = 0; k < nl && !rc->nnames; k++) {
        for (size_t i = 0; i < rc->nrows && !rc->nnames; i++) {
            const struct jx_rc_row *r = &rc->rows[i];
            if (r->table) {
                /* a label cell and its value in the next cell, in a
                 * form no sheet was read from */
                for (size_t c = 0; c + 1 < r->n && !rc->nnames; c++) {
                    const char *ck = jx_rcc_key(&r->cells[c]);
                    if (!jx_rc_starts(ck, inline_labels[k])) {
                        continue;
                    }
                    const char *rest = drop_seal(
                        rc->arena, ck + strlen(inline_labels[k]));
                    const struct jx_rc_cell *v = jx_rc_next_filled(r, c);
                    if ((!*rest || strcmp(rest, "：") == 0 ||
                         strcmp(rest, ":") == 0) &&
                        v == &r->cells[c + 1]) {
                        jx_rc_add_name(rc, jx_rcc_text(v),
                                       jx_rc_cell_prov(rc, v), JX_RC_FROM_TITLE,
                                       false);
                    }
                }
                continue;
            }
            const char *t = jx_rcc_text(&r->cells[0]);
            const char *q = strstr(t, inline_labels[k]);
            if (!q) {
                continue;
            }
            const char *v = q + strlen(inline_labels[k]);
            while (*v == ' ' || *v == ':') {
                v++;
            }
            if (jx_rc_starts(v, "：")) {
                v += strlen("：");
            }
            while (*v == ' ') {
                v++;
            }
            const struct jx_prov *at = jx_rc_cell_prov(rc, &r->cells[0]);
            if (!*v && q == t && i + 1 < rc->nrows &&
                !rc->rows[i + 1].table && rc->rows[i + 1].n) {
                /* the label alone on its line, its value the next line
                 * (a form flattened one cell per line) */
                v = jx_rcc_text(&rc->rows[i + 1].cells[0]);
                at = jx_rc_cell_prov(rc, &rc->rows[i + 1].cells[0]);
            }
            const char *end = strchr(v, ' ');
            if (!end) {
                end = v + strlen(v);
            }
            for (size_t m = 0; m < sizeof inline_stops / sizeof inline_stops[0];
                 m++) {
                const char *e = strstr(v, inline_stops[m]);
                if (e && e > v && e < end) {
                    end = e;
                }
            }
            const char *nm = jx_strndup(rc->arena, v, (size_t)(end - v));
            const char *clean = jx_rc_unit_name(rc->arena, nm);
            const char *o = clean ? org_prefix(rc->arena, clean) : NULL;
            if (o) {
                jx_rc_add_name(rc, o, at, JX_RC_FROM_TITLE, false);
            }
        }
    }
}

/* Words that end the title of a self-evaluation form. */
static const char *const form_title_words[] = {
    "支出绩效自评表", "绩效目标自评表", "绩效自评表", "績效自評表",
};

/* The year of a form title inside a run-together paragraph line
 * ("… 项目支出绩效自评表 (2022年度) 项目名称 …", "2021年度…绩效自评表"):
 * a year just after the title words or at most 40 characters before
 * them. */
static void inline_years(struct jx_rc *rc)
{
    for (size_t i = 0; i < rc->nrows && !rc->nyears; i++) {
        const struct jx_rc_row *r = &rc->rows[i];
        if (r->table) {
            continue;
        }
        const char *k = jx_rcc_key(&r->cells[0]);
        for (size_t w = 0;
             w < sizeof form_title_words / sizeof form_title_words[0] &&
             !rc->nyears;
             w++) {
            for (const char *q = strstr(k, form_title_words[w]); q;
                 q = strstr(q + 1, form_title_words[w])) {
                const char *after = q + strlen(form_title_words[w]);
                if (file_ext_at(after)) {
                    continue; /* a file's name */
                }
                const char *a = after;
                if (jx_rc_starts(a, "（")) {
                    a += strlen("（");
                } else if (*a == '(') {
                    a++;
                }
                size_t len;
                int y = jx_text_year_prefix(a, &len);
                if (y && (len <= 4 || (a[len] >= '0' && a[len] <= '9'))) {
                    y = 0;
                }
                if (!y) {
                    size_t from = (size_t)(q - k);
                    size_t back = 0, start = from;
                    while (start > 0 && back < 40) {
                        start--;
                        if ((k[start] & 0xC0) != 0x80) {
                            back++;
                        }
                    }
                    size_t cut = after_file_names(k, from);
                    if (cut > start) {
                        start = cut;
                    }
                    y = jx_rc_title_year(
                        jx_strndup(rc->arena, k + start, from - start));
                }
                if (y) {
                    jx_rc_add_year(rc, y, jx_rc_cell_prov(rc, &r->cells[0]),
                                   JX_RC_FROM_TITLE,
                                   false);
                    break;
                }
            }
        }
    }
}

/* Words that end a report's title. */
static const char *const report_title_words[] = {
    "绩效自评总结报告", "绩效自评工作报告", "绩效自评报告", "绩效评价报告",
    "績效自評報告",
};

/* A report's title inside a run-together paragraph line ("1、某中心项目
 * 资金绩效自评报告一、基本情况…", a PDF's text on one line): the unit and
 * the year before the title words, from the last punctuation on; the
 * year the rest of the line speaks of most when the title has none.
 * Lines with a file's name (a page caption) are passed over. */
static void inline_report_title(struct jx_rc *rc)
{
    for (size_t i = 0; i < rc->nrows; i++) {
        const struct jx_rc_row *r = &rc->rows[i];
        const char *k = jx_rcc_key(&r->cells[0]);
        if (r->table || r->title) {
            continue;
        }
        const char *q = NULL;
        size_t wl = 0, start = 0;
        for (size_t w = 0;
             w < sizeof report_title_words / sizeof report_title_words[0] &&
             !q;
             w++) {
            for (const char *p = strstr(k, report_title_words[w]); p;
                 p = strstr(p + 1, report_title_words[w])) {
                wl = strlen(report_title_words[w]);
                if (file_ext_at(p + wl)) {
                    continue; /* a file's name */
                }
                /* the title starts after the last punctuation, file
                 * name or URL before its words */
                size_t end = (size_t)(p - k);
                start = after_file_names(k, end);
                static const char *const stops[] = {
                    "。", "，", ",", "、", "》", "】", "|", "：", ":", "；",
                    "？", "?", "！", "!"};
                for (size_t j = start; j < end; j++) {
                    for (size_t m = 0; m < sizeof stops / sizeof stops[0];
                         m++) {
                        size_t sl = strlen(stops[m]);
                        if (strncmp(k + j, stops[m], sl) == 0 &&
                            j + sl <= end) {
                            start = j + sl;
                        }
                    }
                }
                if (jx_utf8_count(k + start, end - start) <= 60) {
                    q = p;
                    break;
                }
            }
        }
        if (!q) {
            continue;
        }
        size_t end = (size_t)(q - k);
        const char *name;
        int year;
        title_parts(rc->arena, jx_strndup(rc->arena, k + start, end - start),
                    &name, &year);
        if (name && !rc->nnames) {
            jx_rc_add_name(rc, name, jx_rc_cell_prov(rc, &r->cells[0]),
                           JX_RC_FROM_TITLE,
                           false);
        }
        if (!rc->nyears && !year) {
            /* the year the text after the title speaks of most */
            const char *rest = q + wl;
            size_t n = strnlen(rest, 3000);
            int best = 0, bestn = 0;
            for (size_t j = 0; j + 4 < n; j++) {
                if (rest[j] < '0' || rest[j] > '9' ||
                    (j > 0 && rest[j - 1] >= '0' && rest[j - 1] <= '9')) {
                    continue;
                }
                size_t len;
                int y = jx_text_year_prefix(rest + j, &len);
                if (!y || len <= 4 || (rest[j + len] >= '0' &&
                                       rest[j + len] <= '9')) {
                    continue;
                }
                int c = 0;
                for (size_t m = 0; m + 4 < n; m++) {
                    size_t l2;
                    if ((m == 0 || rest[m - 1] < '0' || rest[m - 1] > '9') &&
                        jx_text_year_prefix(rest + m, &l2) == y && l2 > 4 &&
                        !(rest[m + l2] >= '0' && rest[m + l2] <= '9')) {
                        c++;
                    }
                }
                if (c > bestn) {
                    best = y;
                    bestn = c;
                }
            }
            year = best;
        }
        if (year && !rc->nyears) {
            jx_rc_add_year(rc, year, jx_rc_cell_prov(rc, &r->cells[0]),
                           JX_RC_FROM_TITLE,
                           false);
        }
        return;
    }
}

/* True when a project's 实施单位 is an enterprise (a 公司 or 集团 carrying
 * the work out), not a budget unit that evaluates its own spending. */
static bool enterprise(const char *name)
{
    return name && (jx_rc_has(name, "公司") || jx_rc_ends(name, "集团"));
}

/* Candidates of last resort, when the titles, covers and form cells
 * named no unit: the 实施单位, then the 主管部门 of the sheets, then a
 * name the report introduces as "X（以下简称“Y”）"; and no year: the
 * year the report's first section speaks of most. */
void jx_rc_who_when_fallback(struct jx_rc *rc)
{
    struct jx_package *p = rc->pkg;
    for (int pass = 0; pass < 2 && !rc->nnames; pass++) {
        for (size_t i = 0; i < p->nproject_sheets && !rc->nnames; i++) {
            const struct jx_text *t = pass == 0
                                          ? &p->project_sheets[i].implementer
                                          : &p->project_sheets[i].supervisor;
            if (pass == 0 && enterprise(t->s) &&
                p->project_sheets[i].supervisor.s) {
                continue; /* a contractor: the budget unit supervises */
            }
            jx_rc_add_name(rc, t->s, t->prov, JX_RC_FROM_TITLE, false);
        }
    }
    inline_names(rc);
    if (!rc->nyears) {
        inline_years(rc);
    }
    if (!rc->nnames || !rc->nyears) {
        inline_report_title(rc);
    }
    int heads = 0;
    int counts[300] = {0};
    const struct jx_prov *first_at[300] = {0};
    size_t order[300];
    size_t norder = 0;
    for (size_t i = 0; i < rc->nrows; i++) {
        const struct jx_rc_row *r = &rc->rows[i];
        if (r->kind != JX_RC_REPORT || r->table || r->title) {
            continue;
        }
        if (r->heading && ++heads > 1) {
            break; /* the first section only */
        }
        const char *k = jx_rcc_key(&r->cells[0]);
        if (!rc->nnames) {
            const char *q = strstr(k, "以下简称");
            if (q && q > k) {
                size_t end = (size_t)(q - k);
                if (end >= 1 && k[end - 1] == '(') {
                    end--;
                } else if (end >= strlen("（") &&
                           jx_rc_starts(k + end - strlen("（"), "（")) {
                    end -= strlen("（");
                }
                size_t start = 0;
                static const char *const stops[] = {"，", ",", "。", "、",
                                                    "；", ";", "：", ":"};
                for (size_t j = 0; j < end; j++) {
                    for (size_t m = 0; m < sizeof stops / sizeof stops[0];
                         m++) {
                        if (jx_rc_starts(k + j, stops[m]) &&
                            j + strlen(stops[m]) <= end) {
                            start = j + strlen(stops[m]);
                        }
                    }
                }
                const char *nm = jx_strndup(rc->arena, k + start, end - start);
                const char *o = org_prefix(rc->arena, nm);
                if (o && strcmp(o, nm) == 0) {
                    jx_rc_add_name(rc, o, jx_rc_cell_prov(rc, &r->cells[0]),
                                   JX_RC_FROM_TITLE,
                                   false);
                }
            }
        }
        if (rc->nyears) {
            continue;
        }
        for (size_t j = 0; k[j]; j++) {
            if (k[j] < '0' || k[j] > '9' ||
                (j > 0 && k[j - 1] >= '0' && k[j - 1] <= '9')) {
                continue;
            }
            size_t len;
            int y = jx_text_year_prefix(k + j, &len);
            if (!y || len <= 4 || (k[j + len] >= '0' && k[j + len] <= '9') ||
                y < 1900 || y >= 2200) {
                continue;
            }
            size_t slot = (size_t)(y - 1900);
            if (slot >= 300) {
                continue;
            }
            if (!counts[slot]++) {
                first_at[slot] = jx_rc_cell_prov(rc, &r->cells[0]);
                order[norder++] = slot;
            }
        }
    }
    if (!rc->nyears && norder) {
        size_t best = order[0];
        for (size_t j = 1; j < norder; j++) {
            if (counts[order[j]] > counts[best]) {
                best = order[j];
            }
        }
        jx_rc_add_year(rc, (int64_t)(1900 + best), first_at[best],
                       JX_RC_FROM_TITLE, false);
    }
}

/* ---- titles --------------------------------------------------------- */

/* Suffixes of report titles after the unit name, longest first. */
static const char *const title_suffixes[] = {
    "单位整体支出绩效自评报告", "部门整体支出绩效自评报告",
    "部门整体支出绩效评价报告", "单位整体支出绩效评价报告",
    "整体支出绩效自评报告",     "整体支出绩效评价报告",
    "部门整体绩效评价报告",     "单位整体绩效评价报告",
    "整体绩效评价报告",         "绩效自评报告",
    "绩效评价报告",             "自评报告",
    "评价报告",
};

/* The unit name and year of a report title key: the year "2024年度"
 * before or after the name, the suffix "单位整体支出绩效自评报告" and
 * the like after it.  *name is NULL when none is left. */
static void title_parts(struct jx_arena *a, const char *key,
                        const char **name, int *year)
{
    *name = NULL;
    *year = 0;
    if (jx_rc_starts(key, "附件")) {
        key += strlen("附件");
        while (*key >= '0' && *key <= '9') {
            key++;
        }
        if (jx_rc_starts(key, "：")) {
            key += strlen("：");
        } else if (*key == ':') {
            key++;
        }
    }
    if (jx_rc_starts(key, "关于")) {
        key += strlen("关于"); /* "关于某局2023年度…的自评报告" */
    }
    size_t n = strlen(key);
    for (size_t k = 0; k < sizeof title_suffixes / sizeof title_suffixes[0];
         k++) {
        if (jx_rc_ends(key, title_suffixes[k])) {
            n -= strlen(title_suffixes[k]);
            break;
        }
    }
    size_t ys = n, ye = n;
    for (size_t i = 0; i + 4 <= n; i++) {
        size_t len;
        int y = wide_year(key + i, &len);
        if (!y) {
            y = jx_text_year_prefix(key + i, &len);
        }
        if (y && len > 4 && i + len <= n &&
            !(i > 0 && key[i - 1] >= '0' && key[i - 1] <= '9')) {
            *year = y;
            ys = i;
            ye = i + len;
            break;
        }
    }
    const char *nm;
    size_t nl;
    if (ys == 0) {
        nm = key + ye;
        nl = n - ye;
    } else {
        nm = key;
        nl = ys;
    }
    if (jx_utf8_count(nm, nl) >= 2) {
        *name = org_prefix(a, jx_strndup(a, nm, nl));
    }
}

/* True when row i is a short line that starts with a year and could be
 * the first half of a title broken over two lines. */
static bool title_head(const struct jx_rc *rc, size_t i)
{
    const struct jx_rc_row *r = &rc->rows[i];
    const char *k = jx_rcc_key(&r->cells[0]);
    return !r->table && !r->title && !r->heading &&
           jx_text_year_prefix(k, NULL) &&
           jx_utf8_count(k, strlen(k)) <= 40 && !jx_rc_ends(k, "报告") &&
           !jx_rc_has(k, "。") && !jx_rc_has(k, "，");
}

/* True when row i is a short line that could be the first half of a
 * title whose second half starts with 绩效 ("岳阳县2021年度部门整体支出"
 * above "绩效评价自评报告"). */
static bool title_start(const struct jx_rc *rc, size_t i)
{
    const struct jx_rc_row *r = &rc->rows[i];
    const char *k = jx_rcc_key(&r->cells[0]);
    return !r->table && !r->title && !r->heading &&
           jx_utf8_count(k, strlen(k)) <= 40 && !jx_rc_has(k, "。") &&
           !jx_rc_has(k, "，") && !jx_rc_has(k, "：") && !jx_rc_has(k, ":") &&
           !breadcrumb(k);
}

/* ---- cover labels and contacts -------------------------------------- */

/* Labels of the unit name on a cover. */
static const char *const name_labels[] = {
    "一级预算单位名称", "预算单位名称", "部门（单位）名称",
    "部门(单位)名称", "单位名称", "部门名称", "填报单位",
};

/* Seals that may follow a label or stand for the value. */
static const char *const seals[] = {"（公章）", "（盖章）", "(公章)",
                                    "(盖章)"};

/* True when key is the whole of label, or of label without its first
 * character when at least 6 remain (a cell that lost its first
 * character, "级预算单位名称"): a label alone on its line, its value
 * on the next (a form flattened one cell per line). */
static bool lone_label(const char *key, const char *label)
{
    if (strcmp(key, label) == 0) {
        return true;
    }
    size_t first = 1;
    while (label[first] && ((unsigned char)label[first] & 0xC0) == 0x80) {
        first++;
    }
    return jx_utf8_count(label + first, strlen(label + first)) >= 6 &&
           strcmp(key, label + first) == 0;
}

/* If key is a cover name label, the text after its colon (possibly
 * ""; also "" for a label alone on its line, lone_label), else NULL. */
static const char *cover_label(const char *key)
{
    for (size_t k = 0; k < sizeof name_labels / sizeof name_labels[0]; k++) {
        if (lone_label(key, name_labels[k])) {
            return key + strlen(key);
        }
        if (!jx_rc_starts(key, name_labels[k])) {
            continue;
        }
        const char *s = key + strlen(name_labels[k]);
        for (size_t j = 0; j < sizeof seals / sizeof seals[0]; j++) {
            if (jx_rc_starts(s, seals[j])) {
                s += strlen(seals[j]);
                break;
            }
        }
        if (jx_rc_starts(s, "：")) {
            return s + strlen("：");
        }
        if (*s == ':') {
            return s + 1;
        }
        return NULL;
    }
    return NULL;
}

/* The value of a cover label with seals dropped ("" when none). */
static const char *drop_seal(struct jx_arena *a, const char *v)
{
    for (size_t j = 0; j < sizeof seals / sizeof seals[0]; j++) {
        const char *p = strstr(v, seals[j]);
        if (p) {
            size_t n = (size_t)(p - v);
            const char *rest = p + strlen(seals[j]);
            return jx_sprintf(a, "%.*s%s", (int)n, v, rest);
        }
    }
    return v;
}

/* True when a line may be the value of a label on the line above: short,
 * not a label, date, title or note in brackets. */
static bool label_value_line(const struct jx_rc_row *r)
{
    const char *k = jx_rcc_key(&r->cells[0]);
    size_t n = jx_utf8_count(k, strlen(k));
    return !r->table && !r->title && !r->heading && n >= 2 && n <= 40 &&
           !jx_rc_has(k, "：") && !jx_rc_has(k, ":") &&
           !jx_rc_starts(k, "(") && !jx_rc_starts(k, "（") &&
           !(jx_rc_has(k, "年") && jx_rc_has(k, "月") && jx_rc_has(k, "日")) &&
           !jx_rc_has(k, "。");
}

/* Contact labels and the field each fills (0 preparer, 1 phone, 2 head,
 * 3 date). */
static const struct {
    const char *label;
    int field;
} contact_labels[] = {
    {"填表人", 0},   {"填报人", 0},     {"联系电话", 1},
    {"单位负责人", 2}, {"部门负责人", 2}, {"负责人", 2},
    {"填报日期", 3}, {"填表日期", 3},
};

/* Where the value after label (and its colon) starts in a paragraph
 * line: the line's provenance with the column moved there; the line's
 * own provenance when that cannot be told. */
static const struct jx_prov *at_value(struct jx_rc *rc,
                                      const struct jx_rc_row *r,
                                      const char *label)
{
    const struct jx_prov *pv = jx_rc_cell_prov(rc, &r->cells[0]);
    if (!jx_rcr_raw(r) || !pv->line) {
        return pv;
    }
    const char *line = jx_strndup(rc->arena, jx_rcr_raw(r), jx_rcr_rawlen(r));
    const char *p = strstr(line, label);
    if (!p) {
        return pv;
    }
    p += strlen(label);
    while (*p == ' ' || *p == '\t') {
        p++;
    }
    if (jx_rc_starts(p, "：")) {
        p += strlen("：");
    } else if (*p == ':') {
        p++;
    }
    while (*p == ' ' || *p == '\t') {
        p++;
    }
    struct jx_prov *q = jx_alloc(rc->arena, sizeof *q);
    *q = *pv;
    q->col = pv->col + (int)jx_utf8_count(line, (size_t)(p - line));
    return q;
}

/* Read the contact fields of one line (cleaned text): each label
 * followed by a colon, its value up to the next label. */
static void contact_line(struct jx_rc *rc, const struct jx_rc_row *r)
{
    const struct jx_rc_cell *c = &r->cells[0];
    const char *s = jx_rcc_text(c);
    struct jx_contacts *ct = &rc->pkg->contacts;
    size_t nl = sizeof contact_labels / sizeof contact_labels[0];
    for (size_t k = 0; k < nl; k++) {
        const char *p = strstr(s, contact_labels[k].label);
        if (!p) {
            continue;
        }
        const char *v = jx_rc_after_colon(p + strlen(contact_labels[k].label));
        if (!v) {
            continue;
        }
        const char *end = v + strlen(v);
        for (size_t j = 0; j < nl; j++) {
            const char *q = strstr(v, contact_labels[j].label);
            if (q && q < end) {
                end = q;
            }
        }
        const char *val = jx_rc_clean(rc->arena, v, (size_t)(end - v));
        if (jx_rc_blank(val)) {
            continue;
        }
        struct jx_text *t = NULL;
        switch (contact_labels[k].field) {
        case 0:
            t = &ct->preparer;
            break;
        case 1:
            t = &ct->phone;
            break;
        case 2:
            t = &ct->head;
            break;
        default: {
            int y, m, d;
            if (!ct->date.present && jx_rc_date(val, &y, &m, &d)) {
                ct->date.present = true;
                ct->date.y = y;
                ct->date.m = m;
                ct->date.d = d;
                ct->date.prov = at_value(rc, r, contact_labels[k].label);
            }
            break;
        }
        }
        if (t && !t->s) {
            t->s = val;
            t->prov = at_value(rc, r, contact_labels[k].label);
        }
    }
}

/* v cut before the first contact label in it (a line joined to the
 * next: "…管理中心部门负责人："). */
static const char *cut_at_label(struct jx_arena *a, const char *v)
{
    const char *end = v + strlen(v);
    for (size_t k = 0; k < sizeof contact_labels / sizeof contact_labels[0];
         k++) {
        const char *q = strstr(v, contact_labels[k].label);
        if (q && q < end) {
            end = q;
        }
    }
    return jx_strndup(a, v, (size_t)(end - v));
}

/* Contacts in a table row: a cell "填表人：" (or "填表人") and the value
 * in the next filled cell, as in the XLSX template. */
static void contact_cells(struct jx_rc *rc, const struct jx_rc_row *r)
{
    struct jx_contacts *ct = &rc->pkg->contacts;
    /* a whole footer line in one cell ("填表人：… 联系电话：…"), as a
     * workbook keeps the printed footer */
    if (r->n >= 1) {
        const char *k0 = jx_rcc_key(&r->cells[0]);
        for (size_t j = 0;
             j < sizeof contact_labels / sizeof contact_labels[0]; j++) {
            const char *l = contact_labels[j].label;
            if (jx_rc_starts(k0, l) &&
                (jx_rc_starts(k0 + strlen(l), "：") ||
                 k0[strlen(l)] == ':') &&
                strlen(k0) > strlen(l) + strlen("：")) {
                contact_line(rc, r);
                return;
            }
        }
    }
    for (size_t i = 0; i < r->n; i++) {
        const char *k = jx_rcc_key(&r->cells[i]);
        for (size_t j = 0;
             j < sizeof contact_labels / sizeof contact_labels[0]; j++) {
            const char *l = contact_labels[j].label;
            if (!jx_rc_starts(k, l)) {
                continue;
            }
            const char *rest = k + strlen(l);
            if (*rest && strcmp(rest, "：") != 0 && strcmp(rest, ":") != 0) {
                break;
            }
            const struct jx_rc_cell *v = jx_rc_next_filled(r, i);
            if (!v || v != &r->cells[i + 1 < r->n ? i + 1 : i]) {
                break;
            }
            int y, m, d;
            switch (contact_labels[j].field) {
            case 0:
                if (!ct->preparer.s) {
                    jx_rc_text(rc, v, &ct->preparer);
                }
                break;
            case 1:
                if (!ct->phone.s) {
                    jx_rc_text(rc, v, &ct->phone);
                }
                break;
            case 2:
                if (!ct->head.s) {
                    jx_rc_text(rc, v, &ct->head);
                }
                break;
            default:
                if (!ct->date.present &&
                    jx_rc_date(jx_rcc_key(v), &y, &m, &d)) {
                    ct->date.present = true;
                    ct->date.y = y;
                    ct->date.m = m;
                    ct->date.d = d;
                    ct->date.prov = jx_rc_cell_prov(rc, v);
                }
                break;
            }
            break;
        }
    }
}

/* A cover line "label：value" (预算编码, 主管部门) fills *out with the
 * value and its provenance, unless already set. */
static void unit_fact(struct jx_rc *rc, const struct jx_rc_cell *c,
                      const char *label, struct jx_text *out)
{
    if (!rc->pkg || out->s || !jx_rc_starts(jx_rcc_key(c), label)) {
        return;
    }
    const char *v = jx_rcc_key(c) + strlen(label);
    if (jx_rc_starts(v, "：")) {
        v += strlen("：");
    } else if (*v == ':') {
        v++;
    } else {
        return;
    }
    if (!jx_rc_blank(v)) {
        out->s = jx_strdup(rc->arena, v);
        out->prov = jx_rc_cell_prov(rc, c);
    }
}

/* Cover labels (unit name candidates) and contact lines of all
 * paragraph lines; contacts of label | value cells in tables. */
static void cover_and_contacts(struct jx_rc *rc)
{
    for (size_t i = 0; i < rc->nrows; i++) {
        const struct jx_rc_row *r = &rc->rows[i];
        if (r->table) {
            if (r->kind != JX_RC_DEPT && r->kind != JX_RC_ASSESS) {
                contact_cells(rc, r);
            }
            continue;
        }
        const struct jx_rc_cell *c = &r->cells[0];
        const char *v = cover_label(jx_rcc_key(c));
        if (v) {
            v = cut_at_label(rc->arena, drop_seal(rc->arena, v));
            if (jx_rc_blank(v) && i + 1 < rc->nrows &&
                label_value_line(&rc->rows[i + 1]) &&
                rc->rows[i + 1].seg == r->seg) {
                const struct jx_rc_cell *n = &rc->rows[i + 1].cells[0];
                jx_rc_add_name(rc, jx_rcc_key(n), jx_rc_cell_prov(rc, n),
                               JX_RC_FROM_COVER, false);
            } else if (!jx_rc_blank(v)) {
                jx_rc_add_name(rc, v, at_value(rc, r, "："), JX_RC_FROM_COVER,
                               false);
            }
        }
        unit_fact(rc, c, "预算编码", &rc->pkg->unit.code);
        unit_fact(rc, c, "主管部门", &rc->pkg->unit.supervisor);
        for (size_t k = 0;
             k < sizeof contact_labels / sizeof contact_labels[0]; k++) {
            if (jx_rc_has(jx_rcc_text(c), contact_labels[k].label)) {
                contact_line(rc, r);
                break;
            }
        }
    }
}

/* ---- the report ----------------------------------------------------- */

/* Most sections and attachments kept (the format's limits). */
enum { MAX_SECTIONS = 100, MAX_ATTACH = 1000 };

/* True when key starts an attachment list: "附件：", "附件:". */
static const char *attach_list(const char *key)
{
    if (jx_rc_starts(key, "附件：")) {
        return key + strlen("附件：");
    }
    if (jx_rc_starts(key, "附件:")) {
        return key + 1 + strlen("附件");
    }
    return NULL;
}

/* True when key is an item of an attachment list: "2、…". */
static bool attach_item(const char *key)
{
    size_t i = 0;
    while (key[i] >= '0' && key[i] <= '9') {
        i++;
    }
    return i > 0 && i < 3 &&
           (jx_rc_starts(key + i, "、") || key[i] == '.' ||
            jx_rc_starts(key + i, "．"));
}

/* The text after "附件：" in a cleaned line. */
static const char *after_colon(const char *text)
{
    const char *p = strstr(text, "：");
    if (p) {
        p += strlen("：");
    } else if ((p = strchr(text, ':')) != NULL) {
        p++;
    } else {
        return "";
    }
    while (*p == ' ') {
        p++;
    }
    return p;
}

/* Titles of the report: every title row with a year-only line above
 * joined to it; candidates for the unit name and the year.  Returns the
 * index of the report's own title (the last before the first heading),
 * or SIZE_MAX. */
static size_t report_titles(struct jx_rc *rc, const char **title_text,
                            const struct jx_prov **title_prov)
{
    size_t own = SIZE_MAX;
    const char *own_text = NULL;
    const struct jx_prov *own_prov = NULL;
    bool before_heading = true;
    size_t own_name = SIZE_MAX, own_year = SIZE_MAX;
    for (size_t i = 0; i < rc->nrows; i++) {
        struct jx_rc_row *r = &rc->rows[i];
        if (r->heading && r->kind == JX_RC_REPORT) {
            before_heading = false;
        }
        if (r->table && !r->title) {
            /* a form title in any cell of a row (a table whose rows were
             * run together): its year */
            for (size_t c = 0; c < r->n; c++) {
                enum jx_rc_kind tk = jx_rc_title_kind(jx_rcc_key(&r->cells[c]));
                int y = tk != JX_RC_NONE && tk != JX_RC_REPORT
                            ? jx_rc_title_year(jx_rcc_key(&r->cells[c]))
                            : 0;
                if (y) {
                    jx_rc_add_year(rc, y, jx_rc_cell_prov(rc, &r->cells[c]),
                                   JX_RC_FROM_TITLE,
                                   false);
                }
            }
            continue;
        }
        if (!r->title ||
            breadcrumb(jx_rcc_key(&r->cells[0]) +
                       after_file_names(jx_rcc_key(&r->cells[0]),
                                        strlen(jx_rcc_key(&r->cells[0]))))) {
            continue;
        }
        if (i + 1 < rc->nrows && !rc->rows[i + 1].table &&
            rc->rows[i + 1].seg == r->seg) {
            /* the year on the title's second line: "2019年度)" */
            int y = year_line(jx_rcc_key(&rc->rows[i + 1].cells[0]));
            if (y) {
                const struct jx_rc_cell *c0 = &rc->rows[i + 1].cells[0];
                jx_rc_add_year(rc, y, jx_rc_cell_prov(rc, c0),
                               JX_RC_FROM_TITLE, false);
            }
        }
        if (r->table) {
            /* a form title in a table cell: its year */
            const struct jx_rc_cell *f = jx_rc_first_filled(r);
            int y = f ? jx_rc_title_year(jx_rcc_key(f)) : 0;
            if (y) {
                jx_rc_add_year(rc, y, jx_rc_cell_prov(rc, f), JX_RC_FROM_TITLE,
                               false);
            }
            continue;
        }
        const char *text = jx_rcc_text(&r->cells[0]);
        const struct jx_prov *prov = jx_rc_cell_prov(rc, &r->cells[0]);
        const struct jx_rc_row *above = i > 0 ? &rc->rows[i - 1] : NULL;
        bool near = above && (above->seg == r->seg ||
                              above->kind == JX_RC_NONE);
        if (above && ((above->seg == r->seg && title_head(rc, i - 1)) ||
                      (near && title_start(rc, i - 1) &&
                       jx_rc_starts(jx_rcc_key(&r->cells[0]), "绩效")))) {
            text = jx_rc_join(rc->arena, jx_rcc_text(&rc->rows[i - 1].cells[0]),
                              text, "");
            prov = jx_rc_cell_prov(rc, &rc->rows[i - 1].cells[0]);
        }
        text += after_file_names(text, strlen(text)); /* a URL glued on */
        while (*text == ' ') {
            text++;
        }
        const char *key = jx_text_compact(rc->arena, text);
        if (r->kind != JX_RC_REPORT) {
            int y = jx_rc_title_year(key);
            if (y) {
                jx_rc_add_year(rc, y, prov, JX_RC_FROM_TITLE, false);
            }
            continue;
        }
        const char *name;
        int year;
        title_parts(rc->arena, key, &name, &year);
        bool is_own = before_heading || own == SIZE_MAX;
        if (is_own) {
            own = i;
            own_text = text;
            own_prov = prov;
            own_name = own_year = SIZE_MAX;
        }
        if (name) {
            size_t n0 = rc->nnames;
            jx_rc_add_name(rc, name, prov, JX_RC_FROM_TITLE, false);
            if (is_own && rc->nnames > n0) {
                own_name = n0;
            }
        }
        if (year) {
            size_t y0 = rc->nyears;
            jx_rc_add_year(rc, year, prov, JX_RC_FROM_TITLE, false);
            if (is_own && rc->nyears > y0) {
                own_year = y0;
            }
        }
    }
    if (own_name != SIZE_MAX) {
        rc->names[own_name].report_title = true;
    }
    if (own_year != SIZE_MAX) {
        rc->years[own_year].report_title = true;
    }
    *title_text = own_text;
    *title_prov = own_prov;
    return own;
}

/* Store the body collected in b as the text of section sec (if any)
 * and empty b. */
static void flush_body(struct jx_rc *rc, struct jx_section *sec,
                       struct jx_buf *b)
{
    if (sec && b->len) {
        sec->text.s = jx_strndup(rc->arena, b->p, b->len);
    }
    jx_buf_reset(b);
}

/* Where section marker n ("一、", "二 ", "三．") starts in t at or after
 * from: at a sentence's start (the text's start, after 。 or a blank),
 * or NULL. */
static const char *run_on_marker(const char *t, const char *from, int n)
{
    static const char *const counted[] = {"是", "个", "年", "项", "次",
                                          "级", "类", "季", "月", "十"};
    const char *d = cn_digits[n - 1];
    for (const char *p = strstr(from, d); p; p = strstr(p + 1, d)) {
        const char *a = p + strlen(d);
        if (!(jx_rc_starts(a, "、") || jx_rc_starts(a, "．") || *a == ' ')) {
            /* a blank lost between the marker and a short title line
             * ending in 。 ("一绩效管理工作开展情况。"), but not "二是"
             * or "三个" */
            const char *stop = strstr(a, "。");
            bool ok = stop && jx_utf8_count(a, (size_t)(stop - a)) <= 30 &&
                      jx_utf8_count(a, (size_t)(stop - a)) >= 2;
            for (size_t k = 0; ok && k < sizeof counted / sizeof counted[0];
                 k++) {
                ok = !jx_rc_starts(a, counted[k]);
            }
            if (!ok) {
                continue;
            }
        }
        if (p == t || p[-1] == ' ' || p[-1] == '\n' ||
            (p - t >= 3 && jx_rc_starts(p - 3, "。"))) {
            return p;
        }
    }
    return NULL;
}

/* A report that reached us as one run-together line (a PDF's or a
 * document-sharing page's text): its title ("某中心2022年整体和项目支出
 * 绩效自评总结报告"), then sections 一、二、… in order, each marker at a
 * sentence's start; the title of each up to its first 。, blank or
 * "(一)", at most 30 characters.  Only when section 一 follows the title
 * at once; a title followed by a file extension is a file's name. */
static void run_on_report(struct jx_rc *rc, struct jx_report *rep)
{
    for (size_t i = 0; i < rc->nrows; i++) {
        const struct jx_rc_row *r = &rc->rows[i];
        if (r->table || r->title) {
            continue;
        }
        const char *t = jx_rcc_text(&r->cells[0]);
        for (size_t w = 0;
             w < sizeof report_title_words / sizeof report_title_words[0];
             w++) {
            for (const char *q = strstr(t, report_title_words[w]); q;
                 q = strstr(q + 1, report_title_words[w])) {
                const char *after = q + strlen(report_title_words[w]);
                if (file_ext_at(after)) {
                    continue;
                }
                const char *first = after;
                while (*first == ' ') {
                    first++;
                }
                if (run_on_marker(first, first, 1) != first) {
                    continue;
                }
                /* the title: from the last punctuation before it */
                size_t end = (size_t)(after - t);
                size_t start = after_file_names(t, (size_t)(q - t));
                static const char *const stops[] = {
                    "。", "，", ",", "、", "》", "】", "|", "：", ":", "；",
                    "？", "?", "！", "!", "\n"};
                for (size_t j = start; j < (size_t)(q - t); j++) {
                    for (size_t m = 0; m < sizeof stops / sizeof stops[0];
                         m++) {
                        size_t sl = strlen(stops[m]);
                        if (strncmp(t + j, stops[m], sl) == 0) {
                            start = j + sl;
                        }
                    }
                }
                while (t[start] == ' ') {
                    start++;
                }
                if (jx_utf8_count(t + start, end - start) > 60) {
                    continue;
                }
                rep->present = true;
                rep->title.s = jx_strndup(rc->arena, t + start, end - start);
                rep->title.prov = jx_rc_cell_prov(rc, &r->cells[0]);
                /* the report runs on over the next lines (pages of a
                 * document-sharing site: "2、…", "3、…") */
                size_t off = (size_t)(first - t);
                struct jx_buf all;
                jx_buf_init(&all, 16u << 20);
                jx_buf_adds(&all, t);
                for (size_t j = i + 1; j < rc->nrows && !rc->rows[j].table &&
                                       !rc->rows[j].title;
                     j++) {
                    jx_buf_addc(&all, '\n');
                    jx_buf_adds(&all, jx_rcc_text(&rc->rows[j].cells[0]));
                }
                t = jx_strndup(rc->arena, all.p, all.len);
                jx_buf_release(&all);
                first = t + off;
                size_t cap = 0;
                const char *m = first;
                for (int n = 1; m && n <= 10 && rep->nsections < 100; n++) {
                    const char *next = n < 10
                        ? run_on_marker(t, m + strlen(cn_digits[n - 1]),
                                        n + 1)
                        : NULL;
                    const char *body = m + strlen(cn_digits[n - 1]);
                    size_t mk = jx_rc_starts(body, "、") ? strlen("、")
                                : jx_rc_starts(body, "．") ? strlen("．")
                                : *body == ' '             ? 1
                                                           : 0;
                    body += mk;
                    while (*body == ' ') {
                        body++;
                    }
                    const char *stop = next ? next : t + strlen(t);
                    const char *te = body;
                    size_t nc = 0;
                    while (te < stop && nc <= 30 && *te != ' ' &&
                           !jx_rc_starts(te, "。") &&
                           !jx_rc_starts(te, "(一)") &&
                           !jx_rc_starts(te, "（一）")) {
                        te++;
                        while (te < stop && ((unsigned char)*te & 0xC0) == 0x80) {
                            te++;
                        }
                        nc++;
                    }
                    rep->sections = jx_arena_grow(rc->arena, rep->sections,
                                                  rep->nsections, &cap,
                                                  sizeof *rep->sections);
                    struct jx_section *sec = &rep->sections[rep->nsections++];
                    memset(sec, 0, sizeof *sec);
                    sec->no = n;
                    sec->marker.s = jx_strndup(rc->arena, m,
                                               strlen(cn_digits[n - 1]) + mk);
                    sec->marker.prov = jx_rc_cell_prov(rc, &r->cells[0]);
                    const char *tx = body;
                    if (nc <= 30 && te > body) {
                        sec->title.s = jx_strndup(rc->arena, body,
                                                  (size_t)(te - body));
                        sec->title.prov = jx_rc_cell_prov(rc, &r->cells[0]);
                        tx = te;
                        if (jx_rc_starts(tx, "。")) {
                            tx += strlen("。");
                        }
                        while (*tx == ' ') {
                            tx++;
                        }
                    }
                    if (stop > tx) {
                        sec->text.s = jx_strndup(rc->arena, tx,
                                                 (size_t)(stop - tx));
                        sec->text.prov = jx_rc_cell_prov(rc, &r->cells[0]);
                    }
                    m = next;
                }
                return;
            }
        }
    }
}

/* The report (see recog.h). */
void jx_rc_report(struct jx_rc *rc)
{
    struct jx_report *rep = &rc->pkg->report;
    const char *ttext;
    const struct jx_prov *tprov;
    size_t own = report_titles(rc, &ttext, &tprov);
    if (own != SIZE_MAX) {
        rep->present = true;
        rep->title.s = ttext;
        rep->title.prov = tprov;
    }
    size_t capsec = 0, capatt = 0;
    struct jx_section *cur = NULL;
    struct jx_buf body;
    jx_buf_init(&body, 64u << 20);
    bool in_attach = false;
    int body_lines = 0; /* lines in body so far */
    for (size_t i = 0; i < rc->nrows; i++) {
        struct jx_rc_row *r = &rc->rows[i];
        if (r->kind != JX_RC_REPORT || r->table || r->title) {
            continue;
        }
        const struct jx_rc_cell *c = &r->cells[0];
        const char *rest = attach_list(jx_rcc_key(c));
        if (rest || (in_attach && attach_item(jx_rcc_key(c)))) {
            const char *item =
                rest ? after_colon(jx_rcc_text(c)) : jx_rcc_text(c);
            enum style ist;
            const char *unnumbered;
            if (marker(item, &ist, &unnumbered) > 0 && ist == ST_ARABIC &&
                *unnumbered) {
                item = unnumbered; /* the list's own "1、" */
            }
            in_attach = true;
            if (*item && rep->nattachments < MAX_ATTACH) {
                rep->attachments = jx_arena_grow(rc->arena, rep->attachments,
                                        rep->nattachments, &capatt,
                                        sizeof *rep->attachments);
                struct jx_text *t = &rep->attachments[rep->nattachments++];
                t->s = item;
                t->prov = jx_rc_cell_prov(rc, c);
            }
            continue;
        }
        in_attach = false;
        if (r->heading) {
            flush_body(rc, cur, &body);
            cur = NULL;
            if (rep->nsections >= MAX_SECTIONS) {
                continue;
            }
            const char *t;
            enum style st;
            int n = marker(jx_rcc_text(c), &st, &t);
            rep->sections = jx_arena_grow(rc->arena, rep->sections, rep->nsections,
                                 &capsec, sizeof *rep->sections);
            cur = &rep->sections[rep->nsections++];
            memset(cur, 0, sizeof *cur);
            cur->no = n;
            size_t mlen = (size_t)(t - jx_rcc_text(c));
            while (mlen > 0 && jx_rcc_text(c)[mlen - 1] == ' ') {
                mlen--;
            }
            if (mlen > 0) {
                cur->marker.s = jx_strndup(rc->arena, jx_rcc_text(c), mlen);
                cur->marker.prov = jx_rc_cell_prov(rc, c);
            }
            cur->title.s = jx_strndup(rc->arena, t, jx_rcr_title_len(r));
            cur->title.prov = jx_rc_cell_prov(rc, c);
            rep->present = true;
            if (jx_rcr_after(r)) {
                cur->text.prov = jx_rc_cell_prov(rc, c);
                jx_buf_adds(&body, jx_rcr_after(r));
            }
            continue;
        }
        if (!cur) {
            continue;
        }
        if (!cur->text.prov) {
            cur->text.prov = jx_rc_cell_prov(rc, c);
            body_lines = 1;
        } else {
            jx_buf_addc(&body, '\n');
            body_lines++;
            /* keep the source's blank lines, so that a line counted in the
             * section text is the same line in the source (findings on
             * the prose point at the right place) */
            int start = cur->text.prov->line;
            int want = jx_rc_cell_prov(rc, c)->line;
            if (start > 0 && want > 0 &&
                cur->text.prov->file == jx_rc_cell_prov(rc, c)->file) {
                while (start + body_lines - 1 < want) {
                    jx_buf_addc(&body, '\n');
                    body_lines++;
                }
            }
        }
        for (const char *q = jx_rcc_text(c); *q; q++) {
            body_lines += *q == '\n';
        }
        jx_buf_adds(&body, jx_rcc_text(c));
    }
    flush_body(rc, cur, &body);
    jx_buf_release(&body);
    if (!rep->present) {
        run_on_report(rc, rep);
    }
    if (rep->present) {
        rc->found = true;
    }
    cover_and_contacts(rc);
}
