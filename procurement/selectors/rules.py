"""The method preconditions in force (MethodRule, dated data)."""

from procurement.models import MethodRule


def method_rules(method, *, on):
    """{key: MethodRule} of `method` in force on `on` (the latest-starting row per key)."""
    rules = {}
    for rule in MethodRule.objects.in_force(on).filter(method=method).order_by("valid_from"):
        rules[rule.key] = rule
    return rules
