/*
 * import_hant.c - documents written in traditional characters (mirrors of
 * simplified pages, Hong Kong / Taiwan style copies): detected by a few
 * common traditional-only characters and converted to simplified with
 * OpenCC before the recognisers read them, since every label they look
 * for is simplified.
 */
#include "jixiao/doc.h"
#include "jixiao/import.h"
#include "import/import_formats.h"

#include <string.h>

#include <opencc/opencc.h>

/* Traditional-only forms of characters the forms use all the time
 * (預算 單位 績效 財政 報告 執行 數 萬元 經費 項目 實際 決算 …). */
static const char *const hant_marks[] = {
    "預", "單", "績", "財", "報", "執", "數", "萬", "經", "費", "項",
    "實", "決", "際", "門", "務", "額", "評", "標", "達", "準", "況",
};

/* How many marks text holds. */
static size_t count_marks(const char *text)
{
    size_t n = 0;
    for (size_t k = 0; k < sizeof hant_marks / sizeof hant_marks[0]; k++) {
        for (const char *p = strstr(text, hant_marks[k]); p;
             p = strstr(p + 1, hant_marks[k])) {
            n++;
        }
    }
    return n;
}

/* Replace *text by its simplified form (a new arena string). */
static void convert(struct jx_arena *a, opencc_t cc, const char **text)
{
    if (!**text) {
        return;
    }
    char *s = opencc_convert_utf8(cc, *text, strlen(*text));
    if (s) {
        *text = jx_strdup(a, s);
        opencc_convert_utf8_free(s);
    }
}

/* ---- pinyin glosses ---------------------------------------------------- */

/* Glosses with a tone mark a document needs before every gloss is
 * dropped, and the most letters of one gloss. */
enum { GLOSS_MIN = 3, GLOSS_MAX_LETTERS = 7 };

/* True for a Chinese character (CJK unified ideographs and extension A,
 * compatibility ideographs). */
static bool han(int32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

/* True for a vowel with a tone mark or ü (ā á ǎ à … ǖ ǘ ǚ ǜ ü). */
static bool toned(int32_t cp)
{
    static const int32_t v[] = {
        0x101, 0xE1, 0x1CE, 0xE0, 0x113, 0xE9, 0x11B, 0xE8, 0x12B, 0xED,
        0x1D0, 0xEC, 0x14D, 0xF3, 0x1D2, 0xF2, 0x16B, 0xFA, 0x1D4, 0xF9,
        0x1D6, 0x1D8, 0x1DA, 0x1DC, 0xFC};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        if (v[i] == cp) {
            return true;
        }
    }
    return false;
}

/* If s[i..n) is "(" + a pinyin syllable + ")" (lower-case letters and
 * toned vowels only, at most GLOSS_MAX_LETTERS), its byte length, else
 * 0; *tone says whether it has a tone mark. */
static size_t gloss_at(const char *s, size_t n, size_t i, bool *tone)
{
    *tone = false;
    if (i >= n || s[i] != '(') {
        return 0;
    }
    size_t k = i + 1, letters = 0;
    while (k < n && s[k] != ')') {
        int32_t cp;
        int l = jx_utf8_decode(s + k, n - k, &cp);
        if (l <= 0 || ++letters > GLOSS_MAX_LETTERS) {
            return 0;
        }
        if (toned(cp)) {
            *tone = true;
        } else if (cp < 'a' || cp > 'z') {
            return 0;
        }
        k += (size_t)l;
    }
    return k < n && letters > 0 ? k + 1 - i : 0;
}

/* Count (drop == NULL) the toned glosses after Chinese characters in
 * s, or write s without any gloss after a Chinese character to *drop
 * (a new arena string; s itself when it holds none). */
static size_t glosses(struct jx_arena *a, const char *s, const char **drop)
{
    size_t n = strlen(s), count = 0;
    struct jx_buf b;
    jx_buf_init(&b, n + 1);
    bool after_han = false;
    for (size_t i = 0; i < n;) {
        bool tone;
        size_t g = after_han ? gloss_at(s, n, i, &tone) : 0;
        if (g && (drop || tone)) {
            count++;
            i += g;
            continue; /* the character before still leads */
        }
        int32_t cp;
        int l = jx_utf8_decode(s + i, n - i, &cp);
        size_t step = l > 0 ? (size_t)l : 1;
        after_han = l > 0 && han(cp);
        if (drop) {
            jx_buf_add(&b, s + i, step);
        }
        i += step;
    }
    if (drop) {
        *drop = count ? jx_strndup(a, b.p ? b.p : "", b.len) : s;
    }
    jx_buf_release(&b);
    return count;
}

/* Drop the pinyin glosses a mirror put after characters ("區(qū)級") from
 * every paragraph and cell, when at least GLOSS_MIN of them carry a
 * tone mark (a plain "(a)" or "(kg)" elsewhere is text); returns true
 * when any was dropped. */
static bool drop_glosses(struct jx_doc *doc)
{
    size_t toned_n = 0;
    for (size_t i = 0; i < doc->nblocks && toned_n < GLOSS_MIN; i++) {
        const struct jx_doc_block *b = &doc->blocks[i];
        if (b->kind == JX_DOC_PARA) {
            toned_n += glosses(doc->arena, b->para.text, NULL);
        } else {
            for (size_t k = 0; k < b->table->ncells; k++) {
                toned_n += glosses(doc->arena, b->table->cells[k].text, NULL);
            }
        }
    }
    if (toned_n < GLOSS_MIN) {
        return false;
    }
    for (size_t i = 0; i < doc->nblocks; i++) {
        struct jx_doc_block *b = &doc->blocks[i];
        if (b->kind == JX_DOC_PARA) {
            glosses(doc->arena, b->para.text, &b->para.text);
        } else {
            for (size_t k = 0; k < b->table->ncells; k++) {
                glosses(doc->arena, b->table->cells[k].text,
                        &b->table->cells[k].text);
            }
        }
    }
    return true;
}

/* Convert a traditional-character document to simplified in place, its
 * pinyin glosses dropped first; see import.h. */
bool jx_doc_simplify(struct jx_doc *doc, struct jx_diags *diags)
{
    if (drop_glosses(doc)) {
        struct jx_loc gl = {.file = doc->file};
        jx_diag_add(diags, "I112", JX_SEV_NOTE, &gl,
                    "文档中的汉字后附有拼音注音（如“区(qū)”），已去掉注音后识别");
    }
    size_t marks = 0;
    for (size_t i = 0; i < doc->nblocks && marks < 10; i++) {
        const struct jx_doc_block *b = &doc->blocks[i];
        if (b->kind == JX_DOC_PARA) {
            marks += count_marks(b->para.text);
        } else {
            for (size_t k = 0; k < b->table->ncells && marks < 10; k++) {
                marks += count_marks(b->table->cells[k].text);
            }
        }
    }
    if (marks < 10) {
        return false;
    }
    opencc_t cc = opencc_open("t2s.json");
    if (cc == (opencc_t)-1) {
        struct jx_loc loc = {.file = doc->file};
        jx_diag_add(diags, "I111", JX_SEV_WARNING, &loc,
                    "文档是繁体中文，但繁简转换词典无法载入（OpenCC "
                    "t2s.json），按原文识别");
        return false;
    }
    for (size_t i = 0; i < doc->nblocks; i++) {
        struct jx_doc_block *b = &doc->blocks[i];
        if (b->kind == JX_DOC_PARA) {
            convert(doc->arena, cc, &b->para.text);
        } else {
            for (size_t k = 0; k < b->table->ncells; k++) {
                convert(doc->arena, cc, &b->table->cells[k].text);
            }
            if (b->table->name) {
                convert(doc->arena, cc, &b->table->name);
            }
        }
    }
    opencc_close(cc);
    struct jx_loc loc = {.file = doc->file};
    jx_diag_add(diags, "I110", JX_SEV_NOTE, &loc,
                "文档是繁体中文，已转换为简体后识别（名称和文字按简体保存）");
    return true;
}
