"""`talentdesk import talents FILE` and `talentdesk export talents FILE` — the talent file on the command line."""
from __future__ import annotations

import argparse
from pathlib import Path

from talentdesk.commands.options import add_json
from talentdesk.i18n import translate
from talentdesk.domain.labels import join_list


def register(sub) -> None:
    p = sub.add_parser("import", help="import records from a file")
    what = p.add_subparsers(dest="what", required=True)
    t = what.add_parser("talents", help="import talents from an .xlsx or .csv roster (UTF-8 or GBK)")
    t.add_argument("file", type=Path)
    t.add_argument("--dry-run", action="store_true", help="check every row and report, change nothing")
    t.add_argument("--skip-invalid", action="store_true", help="import the valid rows and skip rejected ones")
    t.add_argument("--map", action="append", default=[], metavar="列名=field",
                   help="map a column by hand, e.g. --map \"工作证号=id_number\" (repeatable; field '' ignores)")
    t.add_argument("--sheet", metavar="NAME", help="the workbook's sheet to import (default: the first)")
    t.add_argument("--set", action="append", default=[], metavar="列名=值", dest="fixed",
                   help="one value for every row, e.g. --set 人才类别=E (repeatable)")
    t.add_argument("--value", action="append", default=[], metavar="列名:文件中的值=值", dest="values",
                   help="map a value that matches nothing, e.g. --value 人才类别:特聘=B (repeatable)")
    t.add_argument("--hidden-rows", choices=("include", "skip"),
                   help="rows hidden in Excel: import them too, or leave them out (a file with hidden rows needs one)")
    add_json(t)
    t.set_defaults(handler=cmd_import_talents)
    from talentdesk.commands import movein

    movein.register_imports(what)

    p = sub.add_parser("export", help="export records to a file")
    what = p.add_subparsers(dest="what", required=True)
    t = what.add_parser("talents", help="export every talent to .xlsx or .csv (import headers)")
    t.add_argument("file", type=Path)
    t.add_argument("--encoding", choices=("utf-8", "gbk"), default="utf-8", help="text encoding of a .csv file (gbk is written as GB18030, its superset: no character is lost)")
    add_json(t)
    t.set_defaults(handler=cmd_export_talents)
    movein.register_exports(what)


def cmd_import_talents(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.talents import importer
    mapping = importer.parse_mapping(args.map)
    fixed = importer.parse_fixed(args.fixed)
    value_map = importer.parse_value_map(args.values)
    database = ctx.database()
    actor = ctx.actor()
    with database.session(actor) as s:  # all-or-nothing inside; the backup is taken only before real writes
        result = importer.import_talents(s, path=args.file, dry_run=args.dry_run, skip_invalid=args.skip_invalid,
                                         mapping=mapping, fixed=fixed, sheet=args.sheet, backup_first=True,
                                         hidden_rows=args.hidden_rows, value_map=value_map)
    lines = []
    for r in result.rejected:
        lines.append(translate("TalentCommands", "row {row}, {column}: {message}").format(row=r.row, column=r.column, message=r.message))
    for r in result.warnings:
        lines.append(translate("TalentCommands", "row {row}, {column}: {message}").format(row=r.row, column=r.column, message=r.message))
    for r in result.not_data:
        lines.append(translate("TalentCommands", "row {row}: {message}").format(row=r.row, message=r.message))
    if result.new_employers:
        lines.append(translate("TalentCommands", "New employers: {names}").format(names=join_list(result.new_employers)))
    if result.hidden_rows and not args.hidden_rows:
        lines.append(translate("TalentCommands", "Rows hidden in Excel: {rows}. Choose --hidden-rows include or "
                                                 "--hidden-rows skip.").format(rows=join_list(result.hidden_rows)))
    if result.hidden_columns:
        lines.append(translate("TalentCommands", "Columns hidden in Excel: {cols}").format(
            cols=join_list(result.hidden_columns)))
    if result.unknown_columns:
        lines.append(translate("TalentCommands", "Columns not imported: {cols}").format(cols=join_list(result.unknown_columns)))
    if args.dry_run:
        lines.append(translate("TalentCommands", "Dry run: {ok} rows would be imported, {bad} rows rejected, {blank} blank rows skipped; nothing was changed.").format(ok=result.valid_rows, bad=len({r.row for r in result.rejected}),
                                                       blank=result.skipped_blank))
    elif result.imported:
        lines.append(translate("TalentCommands", "Imported {n} talents ({bad} rows skipped as invalid, {blank} blank rows).").format(
            n=result.imported, bad=len({r.row for r in result.rejected}), blank=result.skipped_blank))
    elif result.rejected:
        lines.append(translate("TalentCommands", "Nothing was imported: {bad} rows were rejected. Correct them, or use --skip-invalid to import only the valid rows.").format(bad=len({r.row for r in result.rejected})))
    else:
        lines.append(translate("TalentCommands", "The file has no data rows; nothing was imported."))
    ctx.emit(result.as_json(), "\n".join(lines))
    if args.dry_run:
        return 0 if not result.rejected else 1
    return 0 if result.imported or not result.rejected else 1


def cmd_export_talents(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.talents import exporter
    database = ctx.database()
    with database.session(ctx.actor()) as s:
        result = exporter.export_talents(s, path=args.file, encoding=args.encoding)
    ctx.emit({"path": result.path, "rows": result.rows},
             translate("TalentCommands", "Exported {n} talents to {path}.").format(n=result.rows, path=result.path))
    return 0

