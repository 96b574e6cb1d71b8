"""For the county's leaders: `eligible` (the entitlement sweep) and `drafts` (the grants it drafted)."""
from __future__ import annotations

import argparse
import datetime as dt

from talentdesk.commands.options import add_json
from talentdesk.i18n import translate


def register(sub) -> None:
    p = sub.add_parser("eligible", help="talents who qualify for a policy and hold no grant of it (免申即享)")
    p.add_argument("--policy", default=None, help="one policy: its name, 文号 or number")
    p.add_argument("--on", type=dt.date.fromisoformat, default=None, help="sweep date (default: today)")
    p.add_argument("--draft", action="store_true", help="also draft a grant for each, for approval")
    add_json(p)
    p.set_defaults(handler=cmd_eligible)

    p = sub.add_parser("drafts", help="grants drafted by the sweep: list, approve or reject")
    ds = p.add_subparsers(dest="drafts_command")
    q = ds.add_parser("list")
    add_json(q)
    q.set_defaults(handler=cmd_drafts_list)
    q = ds.add_parser("approve", help="make the drafted grants (materials the policy requires must be attached)")
    q.add_argument("ids", type=int, nargs="+")
    add_json(q)
    q.set_defaults(handler=cmd_drafts_approve)
    q = ds.add_parser("reject")
    q.add_argument("ids", type=int, nargs="+")
    q.add_argument("--note", required=True, help="why the drafts are turned down")
    add_json(q)
    q.set_defaults(handler=cmd_drafts_reject)
    p.set_defaults(handler=cmd_drafts_list)
    register_simulate(sub)
    register_annual(sub)


def _candidate_json(c) -> dict:
    from talentdesk.services.ledger.eligibility import material_label

    return {"policy_id": c.policy_id, "policy": c.policy_name, "doc_number": c.doc_number, "talent_id": c.talent_id,
            "talent": c.talent_name, "employer": c.employer_name, "tier": c.tier_code, "amount_fen": c.amount_fen,
            "start_date": c.start_date, "matched": list(c.matched), "missing_materials": list(c.missing),
            "missing_materials_text": [material_label(m) for m in c.missing], "approval_blocked": c.blocks}


def cmd_eligible(args: argparse.Namespace, ctx) -> int:
    from talentdesk.domain.values import format_yuan
    from talentdesk.services.ledger import eligibility

    on = args.on or dt.date.today()
    with ctx.database().session(ctx.actor(), readonly=not args.draft) as s:
        policy_id = eligibility.find_policy(s, args.policy).id if args.policy else None
        result = eligibility.sweep(s, on=on, policy_id=policy_id)
        drafted = eligibility.draft_grants(s, on=on, policy_id=policy_id).drafted if args.draft else None
    lines = []
    for pid, name in result.policies.items():
        found = [c for c in result.candidates if c.policy_id == pid]
        lines.append(translate("LeadersCli", "{policy}: {n} qualify and hold no grant").format(policy=name,
                                                                                              n=len(found)))
        for c in found:
            missing = (translate("LeadersCli", "  missing: {m}").format(m=c.missing_text) if c.missing else "")
            lines.append(f"  {c.talent_id:>6} {c.talent_name}  {c.employer_name}  {format_yuan(c.amount_fen)}  "
                         f"{c.matched_text}{missing}")
    if drafted is not None:
        lines.append(translate("LeadersCli", "Drafted {n} grants for approval.").format(n=drafted))
    ctx.emit({"on": on, "policies": [{"id": pid, "name": name, "count": result.by_policy.get(pid, 0)}
                                     for pid, name in result.policies.items()],
              "candidates": [_candidate_json(c) for c in result.candidates], "drafted": drafted}, "\n".join(lines))
    return 0


def _draft_json(d) -> dict:
    return {"id": d.id, "talent_id": d.talent_id, "talent": d.talent_name, "policy_id": d.policy_id,
            "policy": d.policy_name, "amount_fen": d.amount_fen, "start_date": d.start_date, "matched": d.matched,
            "missing_materials": list(d.missing), "approval_blocked": d.blocks, "status": d.status,
            "drafted_by": d.drafted_by, "decided_by": d.decided_by, "grant_id": d.grant_id}


def cmd_drafts_list(args: argparse.Namespace, ctx) -> int:
    from talentdesk.domain.values import format_yuan
    from talentdesk.services.ledger import eligibility

    with ctx.database().session(ctx.actor(), readonly=True) as s:
        rows = eligibility.list_drafts(s)
    text = "\n".join(f"{d.id:>5} {d.talent_name}  {d.policy_name}  {format_yuan(d.amount_fen)}  {d.missing_text}"
                     for d in rows) or translate("LeadersCli", "No drafts wait for approval.")
    ctx.emit([_draft_json(d) for d in rows], text)
    return 0


def _decide(args, ctx, fn, **kw) -> int:
    from talentdesk.domain.errors import TalentDeskError

    done, refused = [], []
    actor = ctx.actor()
    for i in args.ids:
        try:
            with ctx.database().session(actor) as s:  # each draft on its own: one refusal keeps the others
                done.append(fn(s, draft_id=i, **kw))
        except TalentDeskError as exc:
            refused.append({"id": i, "error": exc.message})
    lines = [translate("LeadersCli", "Draft {id}: {status}").format(id=d.id, status=d.status) for d in done]
    lines += [translate("LeadersCli", "Draft {id} refused: {error}").format(**r) for r in refused]
    ctx.emit({"decided": [_draft_json(d) for d in done], "refused": refused}, "\n".join(lines))
    return 1 if refused else 0


def cmd_drafts_approve(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.ledger import eligibility

    return _decide(args, ctx, eligibility.approve_draft)


def cmd_drafts_reject(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.ledger import eligibility

    return _decide(args, ctx, eligibility.reject_draft, note=args.note)


def register_simulate(sub) -> None:
    p = sub.add_parser("simulate", help="five years of a policy's cost as it stands and as changed, side by side")
    p.add_argument("policy", help="the policy's name, 文号 or number; 'new' for a new policy")
    p.add_argument("--years", type=int, default=5)
    p.add_argument("--set", dest="changes", action="append", default=[], metavar="FIELD=VALUE",
                   help="a change (repeatable): amount, amount_scale, instalments, mode, clawback, service_years, "
                        "tiers, educations, arrival_from, arrival_to, employer_kinds, min_age, max_age, "
                        "min_service_years")
    p.add_argument("--kind", default="other", help="the kind of a new policy (settling, living, rent …)")
    p.add_argument("--as-of", type=dt.date.fromisoformat, default=None, help="reference date (default: today)")
    p.add_argument("--xlsx", default=None, help="also write the simulation to this .xlsx file")
    p.add_argument("--pdf", default=None, help="also write the simulation to this PDF file")
    add_json(p)
    p.set_defaults(handler=cmd_simulate)


def _scenario_json(s) -> dict:
    return {"name": s.name, "newly_qualifying": s.newly_qualifying, "arrivals_qualifying_per_year":
            s.arrivals_qualifying, "total_fen": s.total_fen,
            "years": [{"year": y.year, "total_fen": y.total_fen, "committed_fen": y.committed_fen,
                       "newly_qualifying_fen": y.newly_qualifying_fen, "arrivals_fen": y.arrivals_fen,
                       "clawback_fen": y.clawback_fen, "budget_fen": y.budget_fen, "remaining_fen": y.remaining_fen}
                      for y in s.years]}


def cmd_simulate(args: argparse.Namespace, ctx) -> int:
    from talentdesk.domain.values import format_yuan
    from talentdesk.services.ledger import eligibility, simulation

    as_of = args.as_of or dt.date.today()
    changes = simulation.parse_settings(args.changes)
    exports = [x for x in (args.xlsx, args.pdf) if x]
    with ctx.database().session(ctx.actor(), readonly=not exports) as s:
        new = args.policy.strip().lower() in ("new", "新政策")
        policy_id = None if new else eligibility.find_policy(s, args.policy).id
        kw = dict(policy_id=policy_id, changes=changes, as_of=as_of, years=args.years,
                  new_policy={"kind": args.kind} if new else None)
        sim = simulation.simulate(s, **kw)
        for path in exports:
            simulation.export_simulation(s, path=path, **kw)
    lines = [translate("LeadersCli", "{policy}: {changes}").format(policy=sim.policy_name,
                                                                  changes=simulation.describe_changes(sim)),
             translate("LeadersCli", "year  current  simulated  budget")]
    for a, b in zip(sim.current.years, sim.simulated.years):
        lines.append(f"{a.year}  {format_yuan(a.total_fen)}  {format_yuan(b.total_fen)}  {format_yuan(a.budget_fen)}")
    lines.append(translate("LeadersCli", "total  {current}  {simulated}").format(
        current=format_yuan(sim.current.total_fen), simulated=format_yuan(sim.simulated.total_fen)))
    ctx.emit({"policy_id": sim.policy_id, "policy": sim.policy_name, "as_of": as_of, "years": list(sim.years),
              "changes": sim.changes, "arrivals_per_year": round(sim.arrivals_per_year, 2),
              "current": _scenario_json(sim.current), "simulated": _scenario_json(sim.simulated),
              "notes": list(sim.notes)}, "\n".join(lines))
    return 0


def register_annual(sub) -> None:
    p = sub.add_parser("annual-report", help="the year's report pack: target table, performance self-assessment, "
                                             "statistics, cross-table checks (PDF and .xlsx)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--out", default=None, help="the PDF file to write")
    p.add_argument("--xlsx", default=None, help="also write the pack to this .xlsx file")
    p.add_argument("--ignore-checks", action="store_true", help="write the pack even when a check fails")
    add_json(p)
    p.set_defaults(handler=cmd_annual_report)

    p = sub.add_parser("annual-indicators", help="the indicators of the annual report pack (the office edits them)")
    p.add_argument("action", choices=["show", "export", "import", "enter"])
    p.add_argument("file", nargs="?", help="JSON file (export/import)")
    p.add_argument("--year", type=int, default=None, help="the year of an entered figure")
    p.add_argument("--code", default=None, help="the indicator an entered figure is for")
    p.add_argument("--value", default=None, help="the figure (empty clears it)")
    add_json(p)
    p.set_defaults(handler=cmd_annual_indicators)


def cmd_annual_report(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.growth import annual_report

    writes = bool(args.out or args.xlsx)
    with ctx.database().session(ctx.actor(), readonly=not writes) as s:
        if writes:
            pack = annual_report.export_annual_pack(s, year=args.year, pdf=args.out, xlsx=args.xlsx,
                                                    ignore_checks=args.ignore_checks)
        else:
            pack = annual_report.annual_pack(s, year=args.year)
    lines = [translate("LeadersCli", "Cross-table checks for {year}:").format(year=args.year)]
    lines += [("  ✓ " if c.ok else "  ✗ ") + c.text for c in pack.checks]
    lines.append(translate("LeadersCli", "Target table score: {score}").format(score=pack.score))
    if writes:
        lines.append(translate("LeadersCli", "Wrote {files}.").format(
            files=", ".join(x for x in (args.out, args.xlsx) if x)))
    ctx.emit({"year": pack.year, "score": pack.score,
              "checks": [{"ok": c.ok, "text": c.text} for c in pack.checks],
              "target": [_indicator_json(r) for r in pack.target],
              "performance": [_indicator_json(r) for r in pack.performance],
              "files": [x for x in (args.out, args.xlsx) if x]}, "\n".join(lines))
    return 0


def _indicator_json(r) -> dict:
    return {"code": r.code, "category": r.category, "name": r.name, "unit": r.unit, "target": r.target,
            "actual": r.actual, "entered": r.entered, "weight": r.weight, "score": r.score, "met": r.met}


def cmd_annual_indicators(args: argparse.Namespace, ctx) -> int:
    import json
    from pathlib import Path

    from talentdesk.domain.errors import InputFileError, ValidationError
    from talentdesk.services.growth import annual_report

    if args.action == "import":
        if not args.file:
            raise ValidationError(translate("LeadersCli", "Name the JSON file to import."))
        try:
            definitions = json.loads(Path(args.file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputFileError(translate("LeadersCli", "The file cannot be read as JSON: {error}").format(
                error=exc)) from exc
        with ctx.database().session(ctx.actor()) as s:
            annual_report.save_indicators(s, definitions=definitions)
        ctx.emit({"imported": True}, translate("LeadersCli", "The indicators were saved."))
        return 0
    if args.action == "enter":
        if args.year is None or not args.code:
            raise ValidationError(translate("LeadersCli", "Give --year, --code and --value."))
        try:
            value = None if args.value in (None, "") else float(args.value)
        except ValueError:
            raise ValidationError(translate("LeadersCli", "The figure must be a number.")) from None
        with ctx.database().session(ctx.actor()) as s:
            annual_report.enter_actual(s, year=args.year, code=args.code, value=value)
        ctx.emit({"year": args.year, "code": args.code, "value": value},
                 translate("LeadersCli", "Entered {code} = {value} for {year}.").format(
                     code=args.code, value=args.value or "—", year=args.year))
        return 0
    with ctx.database().session(ctx.actor(), readonly=True) as s:
        definitions = annual_report.indicator_definitions(s)
    text = json.dumps(definitions, ensure_ascii=False, indent=2)
    if args.action == "export" and args.file:
        Path(args.file).write_text(text, encoding="utf-8")
        ctx.emit({"path": args.file}, translate("LeadersCli", "Wrote {path}.").format(path=args.file))
    else:
        ctx.emit(definitions, text)
    return 0
