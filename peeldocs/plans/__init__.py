"""Action plans: the plan model, its files, its rules and the findings a plan tracks.

A plan is the force's answer to one report: :mod:`~peeldocs.plans.plan` holds the
data classes, :mod:`~peeldocs.plans.findings` the report's findings a plan tracks,
:mod:`~peeldocs.plans.rules` what a plan's state is on a date (RAG, overdue,
slippage), :mod:`~peeldocs.plans.files` reading, checking and starting plan files, and
:mod:`~peeldocs.plans.status` a plan with its state as JSON.
"""

from __future__ import annotations

from peeldocs.plans.files import init_plan, load_plan, parse_plan
from peeldocs.plans.plan import Plan
from peeldocs.plans.rules import assess_plan
from peeldocs.plans.status import PlanStatus, load_plan_status, parse_plan_status, plan_status, plan_to_json

__all__ = ["Plan", "PlanStatus", "assess_plan", "init_plan", "load_plan", "load_plan_status",
           "parse_plan", "parse_plan_status", "plan_status", "plan_to_json"]
