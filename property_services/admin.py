"""Admin of outsourced property services 物业服务 and the campus: subclasses of `bureau.admin_base`
classes, read-only where services govern a record.

None yet.
"""
