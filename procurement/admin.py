"""Admin of the procurement centre 政府采购中心: subclasses of `bureau.admin_base` classes, read-only
where services govern a record.

None yet.
"""
