/*
 * recog_facts.c - the facts (facts.h) of a document's report: the
 * paragraphs of its 自评报告 given to jx_text_facts (lib/model).
 */
#include "jixiao/facts.h"

#include "recognise/recog.h"

/* No cell (recog.h).  Defined here, away from recog.c whose inlined
 * readers would otherwise see its fields are NULL and warn where the
 * code has made sure the cell is there. */
const struct jx_rc_xcell jx_rc_nocell;

/* The facts of a document's report (see facts.h). */
struct jx_facts *jx_report_facts(struct jx_arena *arena,
                                 const struct jx_doc *doc)
{
    struct jx_rc rc;
    jx_rc_init(&rc, arena, doc, NULL, NULL);
    struct jx_facts *out = jx_alloc(arena, sizeof *out);
    bool report = false;
    for (size_t i = 0; i < rc.nrows; i++) {
        if (rc.rows[i].kind == JX_RC_REPORT) {
            report = true;
            break;
        }
    }
    for (size_t i = 0; i < rc.nrows; i++) {
        const struct jx_rc_row *r = &rc.rows[i];
        if (r->table || r->title || !jx_rcr_raw(r)) {
            continue;
        }
        if (report ? r->kind != JX_RC_REPORT : r->kind != JX_RC_NONE) {
            continue;
        }
        struct jx_prov p = jx_rcr_para(r)->prov;
        p.file = rc.file;
        p.line = jx_rc_cell_prov(&rc, &r->cells[0])->line;
        p.col = jx_rc_cell_prov(&rc, &r->cells[0])->col;
        jx_text_facts(arena, jx_rcr_raw(r), jx_rcr_rawlen(r), &p, r->section,
                      out);
    }
    jx_rc_done(&rc);
    return out;
}
