/*
 * cmdtab.c - the one declarative table of jixiao's commands, its
 * lookup, and the help texts printed from it.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jx_version.h"

/* Keep sorted by name (strcmp order): jx_cmd_find bisects. */
const struct jx_cmd jx_cmds[] = {
    {"assess", jx_cmd_assess, "按评价框架计算考核评分表（工作日计迟报）",
     "jixiao assess FILE --framework ID [--submitted DATE] "
     "[--published DATE] [--set NAME=VALUE]... [--json]",
     "按评价框架（data/frameworks/ID.json）逐项计算考核评分表：每项的分值、\n"
     "得分、算式和扣分理由，单位自评分列在旁边，最后是合计和等级。\n"
     "报送、公开是否迟了按工作日计算（data/calendar）；需要判断的项目给出\n"
     "建议档次和理由，由考核人员决定：有项目待判断时总分是一个范围（标明\n"
     "“待判断”），不评等级；用 --set 指标编号=得分 给出判断。框架与材料的\n"
     "年度或地区不同时给出警告（F215）。\n"
     "\n"
     "选项：\n"
     "  --framework ID         评价框架：data/frameworks 下的 ID，或 .json 文件路径\n"
     "                         （例如 yueyang-louqu-2025）\n"
     "  --submitted DATE       报送日期 YYYY-MM-DD（默认取材料中的报送日期）\n"
     "  --published DATE       公开日期 YYYY-MM-DD（默认取材料中的公开日期）\n"
     "  --set NAME=VALUE       改变框架参数（如 submit_deadline=2026-07-15）、给出\n"
     "                         材料中没有的输入（如 q1_progress=20%），或给出待\n"
     "                         判断指标的得分（如 objective.problems=17）；可重复\n"
     "  --frameworks-dir DIR   从 DIR 读取评价框架\n"
     "  --calendar-dir DIR     从 DIR 读取节假日数据\n"
     "  --json                 输出 JSON\n"
     "\n"
     "退出码：0 完成；1 单位自评分有违反评分规则的错误，或有 --set 未被采用；\n"
     "2 用法错误或文件无法读取。",
     0},
    {"backup", jx_cmd_backup, "把 SQLite 工作区备份为一个 ZIP 文件",
     "jixiao backup FILE [-W DIR | --db sqlite:PATH]",
     "把工作区备份到 FILE（ZIP）：数据库的一致副本（VACUUM INTO，备份时其他\n"
     "进程可以继续写入）、数据库记录的全部原始文件（逐个核对 SHA-256）和说明\n"
     "文件 jixiao-backup.json。先写临时文件再改名，FILE 要么完整要么不变。\n"
     "用 jixiao restore 恢复。PostgreSQL 数据库不支持（请用 pg_dump）。\n"
     "\n"
     "工作区选项（也可写在命令名之前）：\n"
     "  -W DIR        工作区目录（未给出时取环境变量 JIXIAO_WORKSPACE）\n"
     "  --db URL      数据库：sqlite:PATH，或 postgresql://…\n"
     "\n"
     "退出码：0 已备份；2 用法错误，或数据库是 PostgreSQL（D209）；3 工作区无法\n"
     "打开、原始文件缺失或被改动、备份文件无法写入。",
     0},
    {"calendar", jx_cmd_calendar, "按国务院放假通知计算工作日",
     "jixiao calendar (workdays FROM TO | is-workday DATE | after DATE N | "
     "years) [--calendar-dir DIR]",
     "按国务院办公厅每年的节假日安排通知（data/calendar/YYYY.txt）计算工作日：\n"
     "星期一至星期五且不在放假期间的日子，加上通知规定上班的星期六、星期日。\n"
     "日期写成 YYYY-MM-DD。\n"
     "\n"
     "子命令：\n"
     "  workdays FROM TO   输出 FROM 至 TO（含两端）的工作日数；FROM 晚于 TO\n"
     "                     视为用法错误\n"
     "  is-workday DATE    输出 DATE 是工作日、休息日还是调休上班日，以及原因\n"
     "                     （周末，或节日名称和通知文号）\n"
     "  after DATE N       输出 DATE 之后的第 N 个工作日（不含 DATE 本身）\n"
     "  years              列出已有数据的年度及所依据的通知\n"
     "\n"
     "没有数据的年度一律拒绝计算，不作推测；12 月 25 日起的日期还需要下一年的\n"
     "数据（元旦放假可能从 12 月下旬开始）。\n"
     "\n"
     "选项：\n"
     "  --calendar-dir DIR   从 DIR 读取 YYYY.txt（默认：环境变量\n"
     "                       JIXIAO_DATADIR 下的 calendar，未设置时为源码树的\n"
     "                       data/calendar）\n"
     "\n"
     "退出码：0 已给出结果（是否工作日都为 0）；2 用法错误、日期无效、年度没有\n"
     "数据或日历数据有误；3 无法写出结果。",
     0},
    {"cgi", jx_cmd_cgi, "以 CGI 方式应答一个网页门户请求（由网页服务器调用）",
     "jixiao cgi [-W DIR | --db URL]",
     "按 CGI 规范（RFC 3875）从环境变量 REQUEST_METHOD、PATH_INFO、SCRIPT_NAME、\n"
     "QUERY_STRING、CONTENT_TYPE、CONTENT_LENGTH、HTTP_COOKIE、HTTP_ORIGIN、\n"
     "HTTP_HOST、REMOTE_ADDR、HTTPS 和标准输入读取一个请求，交给与 jixiao serve\n"
     "相同的门户处理，把 Status: 行、响应头和正文写到标准输出（见\n"
     "docs/portal.md）。页面中的链接、跳转和 Cookie 路径都以 SCRIPT_NAME 开头；\n"
     "HTTPS=on 时 Cookie 带 Secure。请求正文的上限与 serve 相同（上传 21 MiB，\n"
     "其余 1 MiB），超出应答 413；请求格式错误应答 400。\n"
     "\n"
     "选项：\n"
     "  --frameworks-dir DIR   从 DIR 读取评价框架\n"
     "  --calendar-dir DIR     从 DIR 读取工作日日历\n"
     "\n"
     "工作区选项（也可写在命令名之前）：\n"
     "  -W DIR        工作区目录（未给出时取环境变量 JIXIAO_WORKSPACE）\n"
     "  --db URL      数据库：sqlite:PATH，或 postgresql://…\n"
     "\n"
     "退出码：0 已应答（任何 HTTP 状态）；2 用法错误；3 无法写出应答。",
     0},
    {"check", jx_cmd_check, "检查自评材料，列出全部发现",
     "jixiao check FILE... [--json] [--policy NAME=VALUE]... "
     "[--set NAME=VALUE]...",
     "载入每个 FILE（Package JSON；“-”为标准输入），复核全部执行率、指标得分、\n"
     "分值合计与总分，按编译器格式列出发现，并对每个文件输出一行小结：\n"
     "“文件 X：错误 n，警告 n，舍入 n，提示 n”。\n"
     "\n"
     "选项：\n"
     "  --json                 输出 JSON（format 为 jixiao-check）\n"
     "  --policy NAME=VALUE    调整计分政策（见 jixiao help score）\n"
     "  --set NAME=VALUE       调整检查阈值，如 spend-high=150%（见 docs/checks.md）\n"
     "\n"
     "退出码：0 无错误级发现；1 有错误级发现；2 用法错误或有文件无法读取、载入。",
     0},
    {"evaluate", jx_cmd_evaluate, "一次完成导入、检查、复核、考核和写出全部文件",
     "jixiao evaluate FILE... [-o DIR] [--formats LIST] [--framework ID] "
     "[--submitted DATE] [--published DATE]",
     "对每个输入文件：导入、复核计分、交叉检查、（有报送和公开日期时）计算考核\n"
     "评分表，并在 DIR/<单位名称>-<年度>/ 下写出自评报告（report）、审核意见\n"
     "（findings）和考核评分表（assessment）的 DOCX、XLSX、HTML、PDF；最后在终端\n"
     "打印汇总表（终端上显示进度条），并写出 DIR/index.html：按复核总分排名，\n"
     "逐个格式链接到各单位的文件。\n"
     "\n"
     "两个输入不会共用一个目录：同一单位、同一年度的后一个输入改用\n"
     "<单位名称>-<年度>-<文件名>，仍重名时再加序号（-2、-3……），并打印一行说明。\n"
     "每个文件先写临时文件（NAME.tmp.<进程号>）再改名；index.html 在运行中逐步\n"
     "更新，只列出文件已全部写完的单位，中断后仍然一致；下次运行先删除已结束\n"
     "进程留下的临时文件。\n"
     "\n"
     "选项：\n"
     "  -o DIR                 输出目录（默认 jixiao-out）\n"
     "  --formats LIST         只写这些格式，逗号分隔：docx,xlsx,html,pdf（默认全部）\n"
     "  --framework ID         考核评分表的评价框架（默认 yueyang-louqu-2025）\n"
     "  --submitted DATE       报送日期 YYYY-MM-DD（默认取材料中的日期）\n"
     "  --published DATE       公开日期 YYYY-MM-DD（默认取材料中的日期）\n"
     "\n"
     "退出码：0 完成且无错误级发现；1 有单位存在错误级发现；2 有文件无法读取；\n"
     "3 无法写出。",
     0},
    {"export", jx_cmd_export, "导出年度排名和每个单位的得分（XLSX/CSV/JSON）",
     "jixiao export --year YEAR --format xlsx|csv|json -o FILE",
     "导出工作区在 YEAR 年度的排名和每个单位的数据，每个单位一行，按排名排列：\n"
     "排名、编码、名称、主管部门、区域、状态、版本、报送和公开（按时或迟几个\n"
     "工作日，及日期）、自评分（最新版本的复核总分）和等级、考核分（有待判断\n"
     "的项目时为得分范围）和等级、发现数（错误/警告/舍入/提示）。数据与\n"
     "jixiao status 相同。\n"
     "\n"
     "排名：有送审版本的单位按考核分（待判断时按暂定分）、再按自评分从高到低，\n"
     "相同的并列（1、1、3）；没有送审的单位不排名，列在最后。\n"
     "\n"
     "格式：csv 为 UTF-8（带 BOM，Excel 可直接打开），按 RFC 4180 加引号；\n"
     "json 的 format 为 jixiao-export（见 docs/store.md），分数为精确的十进制\n"
     "字符串；xlsx 为一个工作表“排名”，数字为精确值。先写临时文件再改名，\n"
     "不会留下写了一半的文件；-o 为目录时拒绝。csv、json 可用 -o - 写到标准输出。\n"
     "\n"
     "选项：\n"
     "  --year YEAR     评价年度\n"
     "  --format FMT    xlsx、csv 或 json\n"
     "  -o FILE         输出文件（也可写 --output FILE）\n"
     "\n"
     "工作区选项（也可写在命令名之前）：-W DIR、--db URL，或环境变量\n"
     "JIXIAO_WORKSPACE（见 jixiao help init）。\n"
     "\n"
     "退出码：0 完成；2 用法错误或年度尚未设置；3 工作区无法打开或读取，或无法写出。",
     0},
    {"files", jx_cmd_files, "列出或取回某个送审版本的原始文件（与送审时逐字节相同）",
     "jixiao files CODE --year YEAR [--version N] [--json] [-o DIR]",
     "列出单位 CODE 在 YEAR 年度某个送审版本（默认最新版本）的原始文件：序号、\n"
     "大小、SHA-256、送审时的文件名；给出 -o DIR 时把它们写入目录 DIR（不存在时\n"
     "创建），文件名取送审时的名称（路径分隔符、控制字符和开头的“.”换成“_”）。\n"
     "写入之前逐个从原始文件库读回并核对 SHA-256：有一个缺失或被改动就一个也\n"
     "不写（错误 D012）；DIR 中已有同名文件时拒绝，不覆盖；每个文件先写临时\n"
     "文件再改名。\n"
     "\n"
     "选项：\n"
     "  --year YEAR    评价年度\n"
     "  --version N    版本号（1、2……；默认最新版本）\n"
     "  --json         输出 JSON（format 为 jixiao-files，见 docs/store.md）\n"
     "  -o DIR         把原始文件写入目录 DIR\n"
     "\n"
     "工作区选项（也可写在命令名之前）：-W DIR、--db URL，或环境变量\n"
     "JIXIAO_WORKSPACE（见 jixiao help init）。\n"
     "\n"
     "退出码：0 完成；1 原始文件缺失或被改动（未写入任何文件）；2 用法错误，\n"
     "没有该单位、年度或版本，或 DIR 中已有同名文件（未写入任何文件）；3 工作区\n"
     "无法打开或读取，或 DIR 无法创建或写入。",
     0},
    {"help", jx_cmd_help, "显示命令列表或某个命令的帮助",
     "jixiao help [CMD]",
     "不带参数时列出全部命令；带 CMD 时显示该命令的用法和说明。\n"
     "也可以用“jixiao CMD --help”。",
     0},
    {"history", jx_cmd_history, "列出单位的审计记录和各版本之间的改动",
     "jixiao history CODE --year YEAR [--json]",
     "列出单位 CODE 在 YEAR 年度的全部审计记录：时间（UTC）、操作人和角色、\n"
     "操作、状态变化、意见，补录的记录标明“补录”；然后对相邻的两个版本，\n"
     "列出材料中改动的值（JSON 指针：旧值 → 新值；出处信息不计，长文字截断，\n"
     "每对版本最多列 200 处）。\n"
     "\n"
     "选项：\n"
     "  --year YEAR   评价年度\n"
     "  --json        输出 JSON（format 为 jixiao-history，见 docs/store.md）\n"
     "\n"
     "工作区选项（也可写在命令名之前）：-W DIR、--db URL，或环境变量\n"
     "JIXIAO_WORKSPACE（见 jixiao help init）。\n"
     "\n"
     "退出码：0 完成；2 用法错误或没有该单位；3 工作区无法打开或读取。",
     0},
    {"import", jx_cmd_import, "把 DOCX、XLSX、文本转换为 Package JSON",
     "jixiao import FILE... [-o DIR] [--json]",
     "从内容判断每个 FILE 的种类（DOCX、XLSX、PDF、HTML、XLS；DOC、WPS、ET\n"
     "经 LibreOffice 转换；Word 或 PDF 导出的文本；Package JSON），识别其中的自评报告（标题、单位、年度、一至十部分、附件清单）、\n"
     "基础数据表、整体支出绩效自评表、项目支出绩效自评表、部门（单位）整体支出\n"
     "绩效目标完成情况自评表、部门整体支出绩效评分表和考核评分表，每个文件写出\n"
     "一份 Package JSON，每个值都带出处（文本的行:列，DOCX 的表/行/列，XLSX 的\n"
     "工作表!单元格）。空白、“/”、“……”视为未填写，不当作 0。读不出的内容作为\n"
     "发现按编译器格式输出到标准错误，并对每个文件输出一行小结。\n"
     "\n"
     "选项：\n"
     "  -o DIR    写到 DIR/<文件名>.json（先写临时文件，成功后改名）；只有一个\n"
     "            文件且不给 -o 时写到标准输出\n"
     "  --json    在标准输出给出 JSON 报告（format 为 jixiao-import）：每个文件的\n"
     "            file、kind、output、findings、summary（未给 -o 时另含 package）\n"
     "\n"
     "退出码：0 无错误级发现；1 有错误级发现；2 用法错误或文件无法读取、识别；\n"
     "3 无法写入。",
     0},
    {"init", jx_cmd_init, "新建工作区（数据库和原始文件库）",
     "jixiao init DIR [--db URL]",
     "在目录 DIR（不存在时创建）中新建工作区：SQLite 数据库 DIR/jixiao.db（WAL\n"
     "模式，外键约束，建成当前版本的数据结构）和存放原始文件的 DIR/files（按\n"
     "SHA-256 存放，写入后不再改动）。DIR 中已有数据库时拒绝，不作改动。\n"
     "\n"
     "工作区命令都接受以下选项（也可写在命令名之前，如 jixiao -W DIR 命令）：\n"
     "  -W DIR        工作区目录（未给出时取环境变量 JIXIAO_WORKSPACE）\n"
     "  --db URL      数据库：sqlite:PATH，或 postgresql://…（PostgreSQL；原始\n"
     "                文件仍存放在 DIR/files）\n"
     "\n"
     "带 --db postgresql://… 时，在该数据库中建表（已是当前版本则不变），DIR\n"
     "只存放原始文件。比本程序新的数据库一律拒绝打开。\n"
     "\n"
     "退出码：0 已建立；2 用法错误或 DIR 已是工作区；3 无法建立（目录、数据库\n"
     "无法创建或连接）。",
     0},
    {"judge", jx_cmd_judge, "记录财政对考核评分表待判断指标的判断（得分）",
     "jixiao judge CODE --year YEAR --set ITEM=VALUE [--set ...] "
     "[--comment TEXT] [--as USER] [--at TIME]",
     "记录财政审核人对单位 CODE 在 YEAR 年度考核评分表中待判断指标的得分：\n"
     "ITEM 是该年度评价框架中的指标编号（jixiao assess 列出待判断的指标、建议\n"
     "和范围），VALUE 是得分（精确小数），须在规则允许的范围内（0 至分值，或人工\n"
     "指标的评分档次内）。每条判断单独保存（谁、何时、说明），不覆盖以前的判断：\n"
     "同一指标以最后一次判断为准。所有 --set 在同一个事务中记录，任何一条被拒绝\n"
     "则都不记录。记录后重新计算该单位的考核分并输出：无待判断指标时为一个分数\n"
     "和等级。只限财政审核人和管理员；单位须已送审。\n"
     "\n"
     "选项：\n"
     "  --year YEAR       评价年度\n"
     "  --set ITEM=VALUE  指标 ITEM 的得分（可重复）\n"
     "  --comment TEXT    判断的说明（可选）\n"
     "  --as USER         操作人（工作区中的用户名；未给出时取环境变量 JIXIAO_USER）\n"
     "  --at TIME         补录过去的判断（只限管理员，标明“补录”）\n"
     "\n"
     "工作区选项（也可写在命令名之前）：-W DIR、--db URL，或环境变量\n"
     "JIXIAO_WORKSPACE（见 jixiao help init）。\n"
     "\n"
     "退出码：0 已记录；1 被拒绝（无权、未送审、没有该指标、该指标不需判断、\n"
     "超出范围；原因见标准错误，未作改动）；2 用法错误；3 工作区无法打开或写入。",
     0},
    {"publish", jx_cmd_publish, "记录单位公开自评材料（已审核 → 已公开）",
     "jixiao publish CODE --year YEAR [--as USER] [--at TIME]",
     "记录单位 CODE 在 YEAR 年度的自评材料已公开：状态从“已审核”变为“已公开”，\n"
     "在同一个事务中写入状态和审计记录。尚未审核通过时拒绝，工作区不作改动。\n"
     "\n"
     "选项：\n"
     "  --year YEAR   评价年度\n"
     "  --as USER     操作人（工作区中的用户名；未给出时取环境变量 JIXIAO_USER）\n"
     "  --at TIME     补录过去的操作（只限管理员，审计记录中标明“补录”）：\n"
     "                2025-09-30T00:30:00+08:00、…Z，或“2025-09-30 08:30”（北京时间）\n"
     "\n"
     "工作区选项（也可写在命令名之前）：-W DIR、--db URL，或环境变量\n"
     "JIXIAO_WORKSPACE（见 jixiao help init）。\n"
     "\n"
     "退出码：0 已记录；1 操作被拒绝（原因见标准错误，未作改动）；2 用法错误；\n"
     "3 工作区无法打开或写入。",
     0},
    {"recheck", jx_cmd_recheck, "记录抽查单位的复核分（与自评分、考核分并列）",
     "jixiao recheck CODE --year YEAR --score X [--note TEXT] [--as USER] "
     "[--at TIME]",
     "记录被抽查（jixiao sample）的单位 CODE 在 YEAR 年度的复核分 X：单独保存，\n"
     "与单位的自评分和按记录计算的考核分并列显示（status、export、history），\n"
     "不替换它们。X 须在 0 到该年度评价框架的满分之间；每个单位每年度只能记录\n"
     "一次，已有复核分时拒绝（不覆盖）。只限财政审核人和管理员；在同一个事务中\n"
     "写入复核分和审计记录（“复核”，状态不变）。\n"
     "\n"
     "选项：\n"
     "  --year YEAR   评价年度\n"
     "  --score X     复核分（精确小数，如 85.5）\n"
     "  --note TEXT   复核说明（可选）\n"
     "  --as USER     操作人（工作区中的用户名；未给出时取环境变量 JIXIAO_USER）\n"
     "  --at TIME     补录过去的操作（只限管理员，审计记录中标明“补录”）\n"
     "\n"
     "工作区选项（也可写在命令名之前）：-W DIR、--db URL，或环境变量\n"
     "JIXIAO_WORKSPACE（见 jixiao help init）。\n"
     "\n"
     "退出码：0 已记录；1 被拒绝（未被抽查、无权、超出满分、已有复核分；原因见\n"
     "标准错误，未作改动）；2 用法错误；3 工作区无法打开或写入。",
     0},
    {"report", jx_cmd_report, "写出自评报告、审核意见或考核评分表（DOCX/XLSX/HTML/PDF）",
     "jixiao report FILE --format docx|xlsx|html|pdf|txt -o OUT "
     "[--document report|findings|assessment] [--with LIST] "
     "[--framework ID] [--submitted DATE] [--published DATE] "
     "[--set NAME=VALUE]...",
     "按标准格式写出 FILE 的自评报告：十个部分、附件1–3（基础数据表、整体支出\n"
     "绩效自评表、项目支出绩效自评表），表中的执行率、得分和总分都是复核后的\n"
     "数（与表中所填不符的单元格有标记，算式可查）。\n"
     "\n"
     "选项：\n"
     "  --format F             docx、xlsx、html、pdf 或 txt\n"
     "  -o OUT                 输出文件（先写临时文件，成功后改名；“-”为标准输出）\n"
     "  --document D           report（自评报告，默认）、findings（审核意见）、\n"
     "                         assessment（考核评分表）\n"
     "  --with LIST            报告附录，逗号分隔：findings（审核意见）、\n"
     "                         derivations（计算过程）、assessment（考核评分表）\n"
     "  --framework ID         考核评分表用的评价框架（默认 yueyang-louqu-2025）\n"
     "  --submitted DATE       报送日期 YYYY-MM-DD\n"
     "  --published DATE       公开日期 YYYY-MM-DD\n"
     "  --set NAME=VALUE       考核评分表的框架参数、输入或待判断指标的得分\n"
     "                         （同 jixiao assess）\n"
     "\n"
     "退出码：0 已写出；2 用法错误或文件无法读取；3 无法写出。",
     0},
    {"restore", jx_cmd_restore, "从备份文件恢复工作区到新的空目录",
     "jixiao restore FILE -W DIR",
     "把 jixiao backup 写出的 FILE 恢复到 -W 给出的目录（不存在或为空；已有\n"
     "内容的目录一律拒绝，不作改动）。先在旁边的临时目录中解出并核对：只接受\n"
     "备份应有的条目，每个原始文件的 SHA-256 与文件名一致，数据库能打开且不比\n"
     "本程序新，数据库记录的原始文件都在；全部无误后才改名为 DIR。\n"
     "\n"
     "选项：\n"
     "  -W DIR        恢复到的工作区目录（未给出时取环境变量 JIXIAO_WORKSPACE）\n"
     "\n"
     "退出码：0 已恢复；2 用法错误、DIR 不是空目录（D211）、FILE 无法读取\n"
     "（D210）或不是完好的 jixiao 备份（D212、D003），或给了 PostgreSQL 数据库\n"
     "（D209）；3 无法写入目录（D010）。",
     0},
    {"review", jx_cmd_review, "财政审核：受理、退回或通过单位的送审",
     "jixiao review CODE --year YEAR (--take | --return TEXT | --accept) "
     "[--as USER] [--at TIME]",
     "对单位 CODE 在 YEAR 年度的送审做一项审核操作，在同一个事务中写入状态和\n"
     "审计记录：\n"
     "  --take          受理：已送审 → 审核中\n"
     "  --return TEXT   退回：审核中 → 被退回，TEXT 为退回意见（必填）\n"
     "  --accept        通过：审核中 → 已审核\n"
     "不合规则的操作（如单位尚未送审）被拒绝，工作区不作改动。\n"
     "\n"
     "选项：\n"
     "  --year YEAR   评价年度\n"
     "  --as USER     操作人（工作区中的用户名；未给出时取环境变量 JIXIAO_USER）\n"
     "  --at TIME     补录过去的操作（只限管理员，审计记录中标明“补录”）：\n"
     "                2025-09-30T00:30:00+08:00、…Z，或“2025-09-30 08:30”（北京时间）\n"
     "\n"
     "工作区选项（也可写在命令名之前）：-W DIR、--db URL，或环境变量\n"
     "JIXIAO_WORKSPACE（见 jixiao help init）。\n"
     "\n"
     "退出码：0 已记录；1 操作被拒绝（原因见标准错误，未作改动）；2 用法错误；\n"
     "3 工作区无法打开或写入。",
     0},
    {"sample", jx_cmd_sample, "抽查：按记录的种子从已审核的单位中抽取复核样本",
     "jixiao sample --year YEAR (--count N | --share P%) [--seed N] [--json] "
     "[--as USER] [--at TIME]",
     "从 YEAR 年度整体材料已审核或已公开、且尚未被抽查的单位中抽取样本：\n"
     "--count N 抽 N 个（不足 N 个时全部抽取），--share P% 抽其中的 P%（向上\n"
     "取整）。抽取由种子决定（SplitMix64，见 docs/workflow.md）：同一个种子、\n"
     "同一组可抽查的单位，抽出的样本相同。种子用 --seed 给出，未给出时取系统\n"
     "随机数；种子总是输出并记入工作区。每个抽中的单位写一条审计记录（“抽查”，\n"
     "状态不变），之后可用 jixiao recheck 记录复核分。只限财政审核人和管理员。\n"
     "\n"
     "输出：第一行为年度、可抽查单位数、抽取数、规则、种子和时间，之后每行一个\n"
     "抽中的单位编码（按抽取顺序）。\n"
     "\n"
     "选项：\n"
     "  --year YEAR   评价年度\n"
     "  --count N     抽取的单位数（正整数）\n"
     "  --share P%    抽取的比例（如 10%）\n"
     "  --seed N      种子（0 到 18446744073709551615 的整数）\n"
     "  --json        输出 JSON（种子为字符串）\n"
     "  --as USER     操作人（工作区中的用户名；未给出时取环境变量 JIXIAO_USER）\n"
     "  --at TIME     补录过去的操作（只限管理员，审计记录中标明“补录”）\n"
     "\n"
     "工作区选项（也可写在命令名之前）：-W DIR、--db URL，或环境变量\n"
     "JIXIAO_WORKSPACE（见 jixiao help init）。\n"
     "\n"
     "退出码：0 已抽取；1 被拒绝（无权、没有可抽查的单位；原因见标准错误，未作\n"
     "改动）；2 用法错误；3 工作区无法打开或写入。",
     0},
    {"score", jx_cmd_score, "复核执行率、指标得分、总分和等级",
     "jixiao score FILE [--json] [--explain] [--summary] "
     "[--policy NAME=VALUE]... [--framework ID]",
     "载入 FILE（Package JSON；“-”为标准输入），对整体支出绩效自评表和每张项目支出\n"
     "绩效自评表重新计算执行率、执行率得分、每个指标的得分、一级指标分值合计、\n"
     "分值合计、总分和等级，与表中填写的数并列显示，然后列出发现（与 jixiao check\n"
     "相同：交叉核对和所附评分表的复算都在内）。\n"
     "\n"
     "选项：\n"
     "  --json                 输出 Evaluation JSON（见 docs/format.md）\n"
     "  --explain              在每一行下显示算式和说明\n"
     "  --summary              只输出一行小结：各表复核总分、等级和发现数\n"
     "  --policy NAME=VALUE    调整计分政策，可重复：\n"
     "      exec-rounding=double|single   执行率得分先舍入执行率再乘分值（默认\n"
     "                                    double），或按精确执行率只舍入一次\n"
     "      exec-cap=on|off               执行率得分以分值封顶（默认 on）\n"
     "      over-threshold=20%            超额完成多少须说明偏差原因（默认 20%）\n"
     "      tolerance=0.01                视为舍入差异的最大差额（默认 0.01）\n"
     "      score-scale=2, rate-scale=2   得分和百分比的小数位数\n"
     "  --framework ID         按评价框架（data/frameworks/ID.json，例如\n"
     "                         shenzhen-dept-2023）逐项复算，列出违反框架规则\n"
     "                         的自评分和两种口径的总分（同 jixiao assess）\n"
     "  --frameworks-dir DIR   从 DIR 读取评价框架\n"
     "\n"
     "退出码：0 无错误级发现；1 有错误级发现；2 用法错误或输入无法读取、载入。",
     0},
    {"serve", jx_cmd_serve, "启动网页门户（登录、年度总览、单位页面、公开列表）",
     "jixiao serve [-W DIR | --db URL] [--listen ADDR:PORT] [--check]",
     "在工作区上启动网页门户（见 docs/portal.md）：单位和财政部门的用户用\n"
     "jixiao user add … --password-stdin 设置的密码登录；财政审核人看年度总览、\n"
     "受理、退回、通过；单位看本单位的状态、版本和审计记录，审核通过后公开；\n"
     "公众只看已公开的单位。工作线程数与处理器核数相同，每个线程一个数据库\n"
     "连接。按 Ctrl-C（SIGINT）或 SIGTERM 停止。\n"
     "\n"
     "选项：\n"
     "  --listen ADDR:PORT     监听地址（默认 127.0.0.1:8080；端口 0 由系统分配）\n"
     "  --check                启动后自行请求一次 GET /，打印状态行后停止\n"
     "  --frameworks-dir DIR   从 DIR 读取评价框架\n"
     "  --calendar-dir DIR     从 DIR 读取工作日日历\n"
     "\n"
     "工作区选项（也可写在命令名之前）：\n"
     "  -W DIR        工作区目录（未给出时取环境变量 JIXIAO_WORKSPACE）\n"
     "  --db URL      数据库：sqlite:PATH，或 postgresql://…\n"
     "\n"
     "退出码：0 正常停止（--check：门户应答 200）；2 用法错误；3 工作区无法打开\n"
     "或无法监听。",
     0},
    {"status", jx_cmd_status, "列出年度内每个单位的状态、及时性和得分",
     "jixiao status --year YEAR [--json] [--rescore]",
     "列出工作区中每个单位在 YEAR 年度的状态、最新版本、报送和公开是否按时\n"
     "（按审计记录和年度设置的截止日期，以工作日计迟几天）、自评分（最新版本\n"
     "的复核总分）、考核分（年度评价框架按记录计算）和发现数（错误/警告/舍入/\n"
     "提示）。\n"
     "\n"
     "选项：\n"
     "  --year YEAR   评价年度\n"
     "  --json        输出 JSON（format 为 jixiao-status，见 docs/store.md）\n"
     "  --rescore     先把本年度过期的派生分数（考核分、自评分）重新计算并写回\n"
     "                工作区（每 200 个单位提交一次），在标准错误上报告写了\n"
     "                几行：升级评价框架或日历后预先运行，门户的首个总览就不必\n"
     "                逐个单位计算\n"
     "\n"
     "工作区选项（也可写在命令名之前）：-W DIR、--db URL，或环境变量\n"
     "JIXIAO_WORKSPACE（见 jixiao help init）。\n"
     "\n"
     "退出码：0 完成；2 用法错误或年度尚未设置；3 工作区无法打开或读取。",
     0},
    {"submit", jx_cmd_submit, "送审自评材料：存原件、冻结版本、记录审计",
     "jixiao submit FILE... --unit CODE --year YEAR [--as USER] [--at TIME]",
     "把单位 CODE 在 YEAR 年度的自评材料送审（被退回后为再送审）。第一个 FILE\n"
     "按 jixiao check 的方式读取和复核（同样的发现和得分），其余文件作为附件\n"
     "原样保存。在同一个事务中：原始文件按 SHA-256 存入工作区，新增一个不可\n"
     "改动的版本（序号、材料的 SHA-256、材料和复核结果），状态变为“已送审”，\n"
     "并写入审计记录。不合规则的送审（状态不允许、没有该单位或用户、用户不属\n"
     "于该单位）被拒绝，工作区不作改动。\n"
     "\n"
     "送审前还把基础数据表的上年决算数与该单位上一年度已存的版本（已审核或\n"
     "已公开的最新版本，没有时为最新版本）的本年决算数逐行核对，不符的列在\n"
     "送审结果之后（C122），并计入本版本的复核结果。\n"
     "\n"
     "选项：\n"
     "  --unit CODE   单位编码\n"
     "  --year YEAR   评价年度\n"
     "  --as USER     操作人（工作区中的用户名；未给出时取环境变量 JIXIAO_USER）\n"
     "  --at TIME     补录过去的操作（只限管理员，审计记录中标明“补录”）：\n"
     "                2025-09-30T00:30:00+08:00、…Z，或“2025-09-30 08:30”（北京时间）\n"
     "\n"
     "工作区选项（也可写在命令名之前）：-W DIR、--db URL，或环境变量\n"
     "JIXIAO_WORKSPACE（见 jixiao help init）。\n"
     "\n"
     "退出码：0 已送审；1 送审被拒绝（原因见标准错误，未作改动）；2 用法错误或\n"
     "文件无法读取为自评材料；3 工作区无法打开或写入。",
     0},
    {"template", jx_cmd_template, "生成单位填报用的 XLSX 模板",
     "jixiao template --format xlsx -o FILE [--year Y]",
     "写出填报用的 Excel 工作簿：基础数据表、整体支出绩效自评表、项目支出绩效\n"
     "自评表三张表（表头与印发的表样一致，含合并的表头单元格）和一张填表说明。\n"
     "金额以万元保留两位小数，比率显示为百分比；金额、人数、分值和一级指标\n"
     "有数据验证；控制率、执行率、执行率得分（执行率先舍入到 0.01% 再乘分值，\n"
     "以分值封顶）和总分由公式计算；每张自评表留 20 行绩效指标。\n"
     "填好后可直接用 jixiao import、check 或 score 读取。\n"
     "\n"
     "选项：\n"
     "  --format xlsx     输出格式（目前只有 xlsx）\n"
     "  -o FILE           输出文件（先写临时文件，成功后改名）\n"
     "  --year Y          评价年度，用于表头（默认为上一年）\n"
     "\n"
     "退出码：0 成功；2 用法错误；3 无法写入文件。",
     0},
    {"test-bug", jx_cmd_test_bug, "（测试）触发内部错误",
     "jixiao test-bug",
     "触发一次内部错误，用来检验退出码 70。", JX_CMD_HIDDEN},
    {"test-cmdtab", jx_cmd_test_cmdtab, "（测试）校验命令表",
     "jixiao test-cmdtab",
     "校验命令表按名称严格排序、每个命令都能查到、查不到不存在的名称。", JX_CMD_HIDDEN},
    {"test-dec", jx_cmd_test_dec, "（测试）数字解析和格式化",
     "jixiao test-dec parse TEXT... | money TEXT [元|万元] | "
     "format TEXT SCALE [%] | div A B SCALE [%]",
     "parse：解析小数（可带 %），输出 状态、分数形式和精确小数；\n"
     "money：解析金额，输出分数和精确金额；\n"
     "format：解析后按 SCALE 位小数四舍五入输出（带 % 则按百分比）；\n"
     "div：输出 A / B 按 SCALE 位小数四舍五入的结果。",
     JX_CMD_HIDDEN},
    {"test-doc", jx_cmd_test_doc, "（测试）显示导入得到的中间文档",
     "jixiao test-doc FILE",
     "从内容判断 FILE 的种类（文本、DOCX、XLSX），导入为中间文档并输出：\n"
     "每个段落一行（P<标题级别> 文字），每个表格先输出“T<序号> 行数x列数”，\n"
     "再每个单元格一行（T<序号> 行,列 +跨行,跨列: 文字）；换行显示为 \\n。\n"
     "导入中的发现输出到标准错误。\n"
     "\n"
     "退出码：0 成功；1 有错误级发现（如超过上限）；2 无法读取或不是可导入的文档。",
     JX_CMD_HIDDEN},
    {"test-facts", jx_cmd_test_facts, "（测试）列出报告正文中的数字事实",
     "jixiao test-facts FILE [--sentences]",
     "导入 FILE（文本、DOCX、XLSX），每行输出报告正文中的一个金额、百分比或人数：\n"
     "“行:列 §部分 种类 数值 标签 {范围词}”；--sentences 在其后加上所在句子。",
     JX_CMD_HIDDEN},
    {"test-indval", jx_cmd_test_indval, "（测试）解析指标值",
     "jixiao test-indval [--name NAME] TEXT...",
     "解析每个 TEXT（年度指标值或实际完成值），每行输出 kind、op、num、unit、\n"
     "dim、direction 等字段；--name 给出三级指标名称以推断方向。",
     JX_CMD_HIDDEN},
    {"test-recog", jx_cmd_test_recog, "（测试）显示识别出的自评材料摘要",
     "jixiao test-recog FILE",
     "导入并识别 FILE，按行输出识别结果的摘要：单位、年度、联系人、材料、基础\n"
     "数据表各行、各张自评表的资金行与指标行、评分表各行和报告各部分（长文字\n"
     "只显示字数）；发现输出到标准错误。",
     JX_CMD_HIDDEN},
    {"test-roundtrip", jx_cmd_test_roundtrip, "（测试）载入后重新保存",
     "jixiao test-roundtrip FILE",
     "载入 Package JSON 并以规范格式写到标准输出。", JX_CMD_HIDDEN},
    {"unit", jx_cmd_unit, "从 CSV 或 XLSX 导入工作区的单位",
     "jixiao unit import FILE [-W DIR | --db URL]",
     "从 FILE 导入单位：CSV（UTF-8 或 GB18030，逗号分隔，字段可加双引号）或\n"
     "XLSX/XLS 的第一个工作表。第一行是列名：编码、名称（必需），主管部门、\n"
     "区域（可选），其他列忽略；空行跳过。按编码新增或更新，全部在一个事务中\n"
     "完成；任何一行有问题（缺编码或名称、编码含空白、编码重复、列名缺失）都\n"
     "按 文件:行 或 工作表!单元格 列出，并且不写入任何内容。\n"
     "\n"
     "工作区选项（也可写在命令名之前）：\n"
     "  -W DIR        工作区目录（未给出时取环境变量 JIXIAO_WORKSPACE）\n"
     "  --db URL      数据库：sqlite:PATH，或 postgresql://…\n"
     "\n"
     "退出码：0 已导入；1 文件中有不合格的行或列名（未作改动）；2 用法错误或\n"
     "文件无法读取；3 工作区无法打开或写入。",
     0},
    {"user", jx_cmd_user, "添加工作区的用户及其角色，设置登录密码",
     "jixiao user add NAME --role filler|leader|reviewer|admin [--unit CODE] "
     "[--password-stdin] | jixiao user password NAME --password-stdin",
     "添加用户 NAME。角色（也可写中文）：filler 单位填报人、leader 单位负责人\n"
     "（这两种必须用 --unit 给出已导入的单位编码），reviewer 财政审核人、admin\n"
     "管理员（属于财政部门，不能给 --unit）。用户名不能重复。\n"
     "user password 设置已有用户的门户登录密码，并结束其全部登录会话。密码从\n"
     "标准输入的第一行读取（8 到 1024 字节），不能写在命令行上；以 Argon2id\n"
     "散列保存。\n"
     "\n"
     "选项：\n"
     "  --role ROLE        角色\n"
     "  --unit CODE        单位用户所属单位的编码\n"
     "  --password-stdin   从标准输入读取登录密码\n"
     "\n"
     "工作区选项（也可写在命令名之前）：\n"
     "  -W DIR        工作区目录（未给出时取环境变量 JIXIAO_WORKSPACE）\n"
     "  --db URL      数据库：sqlite:PATH，或 postgresql://…\n"
     "\n"
     "退出码：0 已添加；1 用户名已存在、单位不存在或角色与单位不符（D207、D208，\n"
     "未作改动），密码长度不符或用户不存在（D220、D221）；2 用法错误；3 工作区\n"
     "无法打开或写入。",
     0},
    {"version", jx_cmd_version, "显示版本",
     "jixiao version",
     "显示 jixiao 的版本和所用库（jansson、utf8proc）的版本。", 0},
    {"year", jx_cmd_year, "设置工作区某年度的评价框架和报送、公开截止日期",
     "jixiao year set YEAR --framework ID --submit-by DATE --publish-by DATE "
     "[--timely first_submit|last_submit_after_return|accepted] [--leader-step on|off]",
     "设置年度 YEAR：考核评分表所用的评价框架（data/frameworks 中的框架编号，\n"
     "须能载入）、报送截止日期和公开截止日期（YYYY-MM-DD，含当日），及时性\n"
     "按哪个时间计算，以及送审是否须经单位负责人同意。已设置过的年度会被更新\n"
     "（未给出 --leader-step 时保留原设置，新年度默认关闭）。\n"
     "\n"
     "选项：\n"
     "  --framework ID        评价框架编号（如 yueyang-louqu-2025）\n"
     "  --submit-by DATE      报送截止日期\n"
     "  --publish-by DATE     公开截止日期\n"
     "  --timely BASIS        及时性的依据：first_submit 首次送审（默认）、\n"
     "                        last_submit_after_return 最后一次退回后的送审、\n"
     "                        accepted 审核通过（也可写中文）\n"
     "  --frameworks-dir DIR  从 DIR 查找评价框架\n"
     "  --leader-step on|off  on：单位填报人提交后须单位负责人同意才送审；\n"
     "                        off：填报人直接送审\n"
     "\n"
     "工作区选项（也可写在命令名之前）：\n"
     "  -W DIR        工作区目录（未给出时取环境变量 JIXIAO_WORKSPACE）\n"
     "  --db URL      数据库：sqlite:PATH，或 postgresql://…\n"
     "\n"
     "退出码：0 已设置；2 用法错误、日期无效或评价框架不存在（D205）；3 工作区\n"
     "无法打开或写入。",
     0},
};

const size_t jx_ncmds = sizeof jx_cmds / sizeof jx_cmds[0];

/* bsearch comparator: a name against a table entry. */
static int cmd_cmp(const void *key, const void *elem)
{
    const struct jx_cmd *c = elem;
    return strcmp(key, c->name);
}

/* The command with exactly this name, or NULL. */
const struct jx_cmd *jx_cmd_find(const char *name)
{
    if (!name) {
        return NULL;
    }
    return bsearch(name, jx_cmds, jx_ncmds, sizeof jx_cmds[0], cmd_cmp);
}

/* Check the table's order and that lookup finds every entry. */
int jx_cmdtab_verify(struct jx_buf *err)
{
    for (size_t i = 0; i < jx_ncmds; i++) {
        const struct jx_cmd *c = &jx_cmds[i];
        if (!c->name || !c->run || !c->summary || !c->usage || !c->help) {
            if (err) {
                jx_buf_addf(err, "entry %zu is incomplete", i);
            }
            return -1;
        }
        if (i > 0 && strcmp(jx_cmds[i - 1].name, c->name) >= 0) {
            if (err) {
                jx_buf_addf(err, "\"%s\" is not after \"%s\"", c->name,
                            jx_cmds[i - 1].name);
            }
            return -1;
        }
        if (jx_cmd_find(c->name) != c) {
            if (err) {
                jx_buf_addf(err, "lookup of \"%s\" fails", c->name);
            }
            return -1;
        }
    }
    return 0;
}

/* Print the command list. */
void jx_cli_help_all(void)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    jx_buf_addf(&b, "jixiao %s — 预算绩效自评的复核与检查\n\n", JX_VERSION);
    jx_buf_adds(&b, "用法：jixiao 命令 [参数]...\n\n命令：\n");
    size_t w = 0;
    for (size_t i = 0; i < jx_ncmds; i++) {
        size_t n = strlen(jx_cmds[i].name);
        if (!(jx_cmds[i].flags & JX_CMD_HIDDEN) && n > w) {
            w = n;
        }
    }
    for (size_t i = 0; i < jx_ncmds; i++) {
        if (jx_cmds[i].flags & JX_CMD_HIDDEN) {
            continue;
        }
        jx_buf_adds(&b, "  ");
        jx_buf_addpad(&b, jx_cmds[i].name, w + 2, false);
        jx_buf_addf(&b, "%s\n", jx_cmds[i].summary);
    }
    jx_buf_adds(&b, "\n运行“jixiao help 命令”或“jixiao 命令 --help”查看命令的"
                    "详细说明。\n"
                    "退出码：0 无错误级发现；1 有错误级发现；2 用法错误或输入"
                    "无法读取；3 输入输出失败；70 内部错误。\n");
    jx_cli_write(&b);
    jx_buf_release(&b);
}

/* Print one command's usage and long help. */
void jx_cli_help_cmd(const struct jx_cmd *c)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    jx_buf_addf(&b, "用法：%s\n\n%s\n\n%s\n", c->usage, c->summary, c->help);
    jx_cli_write(&b);
    jx_buf_release(&b);
}

/* Print "jixiao CMD: msg" and the usage to stderr. */
int jx_cli_usage_error(const struct jx_cmd *c, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "jixiao %s: ", c->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n用法：%s\n", c->usage);
    return JX_EXIT_USAGE;
}

/* `jixiao help [CMD]`. */
int jx_cmd_help(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("help");
    if (argc > 2) {
        return jx_cli_usage_error(self, "参数过多");
    }
    if (argc < 2) {
        jx_cli_help_all();
        return JX_EXIT_OK;
    }
    const struct jx_cmd *c = jx_cmd_find(argv[1]);
    if (!c) {
        return jx_cli_usage_error(self, "未知命令“%s”", argv[1]);
    }
    jx_cli_help_cmd(c);
    return JX_EXIT_OK;
}

/* `jixiao test-cmdtab`: verify the table and a few lookups. */
int jx_cmd_test_cmdtab(int argc, char **argv)
{
    (void)argv;
    if (argc != 1) {
        return jx_cli_usage_error(jx_cmd_find("test-cmdtab"), "参数过多");
    }
    struct jx_buf err;
    jx_buf_init(&err, 4096);
    int rc = jx_cmdtab_verify(&err);
    const char *absent[] = {"", "sco", "scores", "Score", "zzz", "a"};
    for (size_t i = 0; rc == 0 && i < sizeof absent / sizeof absent[0]; i++) {
        if (jx_cmd_find(absent[i])) {
            jx_buf_addf(&err, "lookup of \"%s\" succeeds", absent[i]);
            rc = -1;
        }
    }
    if (rc != 0) {
        fprintf(stderr, "jixiao test-cmdtab: %s\n", err.p);
        jx_buf_release(&err);
        return JX_EXIT_BUG;
    }
    jx_buf_release(&err);
    printf("ok %zu commands\n", jx_ncmds);
    return JX_EXIT_OK;
}
