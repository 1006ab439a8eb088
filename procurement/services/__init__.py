"""Writes of the procurement centre 政府采购中心 (keyword-only, atomic, audited, refusing with a
ValidationError carrying a code), one module per part:

- suppliers: supplier_save, bad_conduct_record_save, bad_conduct_record_void
- requests: request_save (the idle-asset advice of procurement.hooks, the intention rule)
- batches: batch_save, batch_add_request, invitation_create, batch_check_method, bid_submit, bid_score,
  award_make, batch_record_dates
- lifecycle: RequestWorkflow and BatchWorkflow (bureau.workflow.transition(obj=…, move=…, actor=…))
- contracts: contract_create, contract_sign, contract_publish, milestone_add, payment_record,
  acceptance_record, contract_void
"""
