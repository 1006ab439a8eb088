"""Forms of the procurement centre 政府采购中心: subclasses of `bureau.forms.BureauModelForm` (crispy
layout, the user passed in).

None yet. A register's model, form, filterset and table become its pages through one
`bureau.registers.Register` declaration in views.py (README: "Adding a register").
"""
