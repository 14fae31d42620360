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

/* Convert a traditional-character document to simplified in place; see
 * import.h. */
bool jx_doc_simplify(struct jx_doc *doc, struct jx_diags *diags)
{
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
