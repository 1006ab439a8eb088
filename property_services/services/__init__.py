"""Writes of outsourced property services 物业服务 and the campus that are more than a plain form save:
state changes, billing, the deduction list. Each is `<entity>_<verb>(*, …, actor)`: keyword-only,
atomic, audited, refusing with a `ValidationError` carrying a code."""
