"""Admin of the state-owned asset registry 国有资产: subclasses of `bureau.admin_base` classes,
read-only where services govern a record.

None yet.
"""
