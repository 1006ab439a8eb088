"""The rules in force (checked 2026-12-01): the 2014 Government Procurement Law (政府采购法), its 2015
implementing regulation (实施条例), the ministry orders for the methods and 财库〔2020〕10号 on
intentions. Each row cites its article and is in force from the day its source took effect; a
revised law adds rows with a later `valid_from` and closes these with a `valid_to`."""

from django.db import migrations

LAW = "政府采购法"
REGULATION = "政府采购法实施条例"
LAW_FROM = "2003-01-01"
REGULATION_FROM = "2015-03-01"

CLOCKS = [
    # key, name, citation, days, day kind, valid from
    ("intention_publication", "采购意向公开（采购活动开始前）", "财库〔2020〕10号 二（四）", 30, "calendar", "2022-01-01"),
    ("evaluation_report", "评审报告送交采购人", f"{REGULATION} 第四十三条第一款", 2, "working", REGULATION_FROM),
    ("winner_confirmation", "采购人确定中标、成交供应商", f"{REGULATION} 第四十三条第一款", 5, "working", REGULATION_FROM),
    ("award_notice", "发出中标、成交通知书并公告", f"{REGULATION} 第四十三条第二款", 2, "working", REGULATION_FROM),
    ("challenge_filing", "供应商提出质疑", f"{LAW} 第五十二条", 7, "working", LAW_FROM),
    ("challenge_reply", "答复质疑", f"{LAW} 第五十三条", 7, "working", LAW_FROM),
    ("complaint_filing", "向监督管理部门投诉（答复期满后）", f"{LAW} 第五十五条", 15, "working", LAW_FROM),
    ("complaint_decision", "投诉处理决定", f"{LAW} 第五十六条", 30, "working", LAW_FROM),
    ("complaint_suspension", "暂停采购活动（最长）", f"{LAW} 第五十七条", 30, "calendar", LAW_FROM),
    ("contract_signing", "签订采购合同（中标、成交通知书发出后）", f"{LAW} 第四十六条", 30, "calendar", LAW_FROM),
    ("contract_publication", "公告政府采购合同（签订后）", f"{REGULATION} 第五十条", 2, "working", REGULATION_FROM),
    ("contract_filing", "合同副本备案（签订后）", f"{LAW} 第四十七条", 7, "working", LAW_FROM),
]

METHODS = [
    # method, key, name, citation, parameters, valid from, note
    ("open_tender", "bidding_period", "招标文件发出至投标截止不少于20日", f"{LAW} 第三十五条",
     {"days": 20, "day_kind": "calendar"}, LAW_FROM, ""),
    ("open_tender", "min_bidders", "有效投标不足三家的废标", f"{LAW} 第三十六条第一款第（一）项",
     {"count": 3}, LAW_FROM, "Checked when the lot is evaluated: fewer valid bids and the lot fails."),
    ("invited_tender", "justification", "邀请招标的适用情形", f"{LAW} 第二十九条", {}, LAW_FROM, ""),
    ("invited_tender", "min_invited", "随机选择三家以上供应商发出投标邀请", f"{LAW} 第三十四条",
     {"count": 3}, LAW_FROM, ""),
    ("invited_tender", "bidding_period", "招标文件发出至投标截止不少于20日", f"{LAW} 第三十五条",
     {"days": 20, "day_kind": "calendar"}, LAW_FROM, ""),
    ("invited_tender", "min_bidders", "有效投标不足三家的废标", f"{LAW} 第三十六条第一款第（一）项",
     {"count": 3}, LAW_FROM, ""),
    ("negotiation", "justification", "竞争性谈判的适用情形", f"{LAW} 第三十条", {}, LAW_FROM, ""),
    ("negotiation", "min_invited", "确定不少于三家供应商参加谈判", f"{LAW} 第三十八条第（三）项",
     {"count": 3}, LAW_FROM, ""),
    ("negotiation", "response_period", "谈判文件发出至首次响应截止不少于3个工作日",
     "政府采购非招标采购方式管理办法（财政部令第74号）第二十九条", {"days": 3, "day_kind": "working"},
     "2014-02-01", ""),
    ("consultation", "justification", "竞争性磋商的适用情形",
     "政府采购竞争性磋商采购方式管理暂行办法（财库〔2014〕214号）第三条", {}, "2014-12-31", ""),
    ("consultation", "min_invited", "邀请不少于3家供应商参与磋商",
     "政府采购竞争性磋商采购方式管理暂行办法（财库〔2014〕214号）第六条", {"count": 3}, "2014-12-31", ""),
    ("consultation", "response_period", "磋商文件发出至首次响应截止不少于10日",
     "政府采购竞争性磋商采购方式管理暂行办法（财库〔2014〕214号）第十条", {"days": 10, "day_kind": "calendar"},
     "2014-12-31", ""),
    ("inquiry", "justification", "询价的适用情形（规格标准统一、现货充足、价格变化小）", f"{LAW} 第三十二条", {},
     LAW_FROM, ""),
    ("inquiry", "categories", "询价只适用于货物", f"{LAW} 第三十二条", {"allowed": ["goods"]}, LAW_FROM, ""),
    ("inquiry", "min_invited", "确定不少于三家供应商询价", f"{LAW} 第四十条第（二）项", {"count": 3}, LAW_FROM, ""),
    ("inquiry", "response_period", "询价通知书发出至响应截止不少于3个工作日",
     "政府采购非招标采购方式管理办法（财政部令第74号）第四十五条", {"days": 3, "day_kind": "working"},
     "2014-02-01", ""),
    ("single_source", "justification", "单一来源的适用情形", f"{LAW} 第三十一条", {}, LAW_FROM, ""),
    ("single_source", "single_supplier", "确定唯一供应商", f"{LAW} 第三十一条", {}, LAW_FROM, ""),
    ("single_source", "publicity", "达到公开招标数额的项目公示不少于5个工作日", f"{REGULATION} 第三十八条",
     {"working_days": 5, "from_budget": "4000000.00"}, REGULATION_FROM,
     "from_budget: the open-tendering threshold for goods and services (4,000,000 yuan); set the province's."),
    ("framework", "justification", "框架协议采购的适用情形",
     "政府采购框架协议采购方式管理暂行办法（财政部令第110号）第三条", {}, "2022-03-01", ""),
    ("innovation", "justification", "合作创新采购的适用情形",
     "政府采购合作创新采购方式管理暂行办法（财库〔2024〕13号）第三条", {}, "2024-06-01", ""),
]


def seed(apps, schema_editor):
    ClockRule = apps.get_model("procurement", "ClockRule")
    MethodRule = apps.get_model("procurement", "MethodRule")
    ClockRule.objects.bulk_create(
        ClockRule(key=key, name=name, citation=citation, days=days, day_kind=kind, valid_from=start)
        for key, name, citation, days, kind, start in CLOCKS
    )
    MethodRule.objects.bulk_create(
        MethodRule(method=method, key=key, name=name, citation=citation, parameters=params, valid_from=start, note=note)
        for method, key, name, citation, params, start, note in METHODS
    )


def unseed(apps, schema_editor):
    apps.get_model("procurement", "ClockRule").objects.all().delete()
    apps.get_model("procurement", "MethodRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("procurement", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
