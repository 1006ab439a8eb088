from procurement.models import BadConductRecord


def supplier_blocking_record(supplier, *, on):
    """The supplier's bad-conduct record in force on `on` (it blocks awards), or None."""
    return BadConductRecord.objects.in_force(on).filter(supplier=supplier).order_by("-in_force_from").first()
