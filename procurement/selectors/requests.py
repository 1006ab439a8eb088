from procurement.hooks import advise_request


def request_advice(procurement_request):
    """The other centres' advice on a request (procurement.hooks), e.g. idle assets to reallocate."""
    pr = procurement_request
    if not (pr.catalogue_code and pr.purchasing_department_id and pr.quantity):
        return []
    return advise_request(catalogue_code=pr.catalogue_code, department=pr.purchasing_department, quantity=pr.quantity)
