"""Action plans for PEEL reports and other inspections, and the register of all of them.

A plan is the force's answer to one report: :mod:`~peeldocs.plans.plan` holds the
data classes, :mod:`~peeldocs.plans.findings` the report's findings a plan tracks,
:mod:`~peeldocs.plans.rules` what a plan's state is on a date (RAG, overdue,
slippage), :mod:`~peeldocs.plans.files` reading, checking and starting plan files, and
:mod:`~peeldocs.plans.status` a plan with its state as JSON.  Inspections other than
PEEL are :mod:`~peeldocs.plans.inspection` (read from a page by
:mod:`~peeldocs.plans.inspection_reader`); the register of every plan is
:mod:`~peeldocs.plans.register`, its Excel form :mod:`~peeldocs.plans.workbook`, read
back by :mod:`~peeldocs.plans.workbook_import` (its documents are assembled in
:mod:`peeldocs.build.register_output`).
"""

from __future__ import annotations

from peeldocs.plans.files import init_plan, load_plan, parse_plan
from peeldocs.plans.plan import Plan
from peeldocs.plans.rules import assess_plan
from peeldocs.plans.status import PlanStatus, load_plan_status, parse_plan_status, plan_status, plan_to_json

__all__ = ["Plan", "PlanStatus", "assess_plan", "init_plan", "load_plan", "load_plan_status",
           "parse_plan", "parse_plan_status", "plan_status", "plan_to_json"]
