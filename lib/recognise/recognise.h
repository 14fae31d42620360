/*
 * recognise.h - the recogniser's entry (private to lib/; the pipeline,
 * the tests and the fuzz targets call it): a neutral document to a
 * package.
 */
#ifndef JIXIAO_RECOGNISE_H
#define JIXIAO_RECOGNISE_H

#include "jixiao/diag.h"
#include "jixiao/doc.h"
#include "jixiao/model.h"

struct jx_forms;

/*
 * Recognise the forms and the report in a document and fill a package:
 * the 自评报告 (title, unit, year, sections 一…十, attachments), the
 * 基础数据表, 整体支出绩效自评表, 项目支出绩效自评表, seed 002's
 * 部门整体支出绩效目标完成情况自评表 and 部门整体支出绩效评分表, and the
 * 考核评分表.  Blank templates ("/", "……", empty cells) stay absent.
 * What is there but cannot be read becomes a finding.  Returns NULL when
 * nothing at all was recognised (with a finding).
 */
struct jx_package *jx_recognise(struct jx_arena *arena,
                                const struct jx_doc *doc,
                                struct jx_diags *diags);

/* jx_recognise reads the columns and rows of the forms by the words of
 * the bundled catalogue of forms (forms.h, data/forms), loaded for the
 * call (a problem with it is a T-code finding in diags);
 * jx_recognise_with by those of forms (loaded once by the caller: the
 * pipeline's run). */
struct jx_package *jx_recognise_with(struct jx_arena *arena,
                                     const struct jx_doc *doc,
                                     const struct jx_forms *forms,
                                     struct jx_diags *diags);

#endif
