"""Markup a screen reader relies on, checked without a browser (the axe-core browser tests check every
page): a field in a formset table is named by its column."""

from django import forms
from django.template import Context, Template


class LineForm(forms.Form):
    amount = forms.DecimalField(label="金额")


def test_a_field_in_a_table_is_named_by_its_column_header_or_its_label():
    form = LineForm(prefix="lines-0")
    html = Template("{% load bureau_tags %}{{ form.amount|labelled:header }}|{{ form.amount|labelled }}").render(
        Context({"form": form, "header": "申请金额"})
    )
    named_by_header, named_by_label = html.split("|")
    assert 'aria-label="申请金额"' in named_by_header and 'name="lines-0-amount"' in named_by_header
    assert 'aria-label="金额"' in named_by_label
