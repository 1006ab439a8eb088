"""The GB/T 14885-2022 classes a county bureau uses, and their useful lives.

Codes follow the standard's structure (门类 1 digit, then 大类, 中类 and 小类 two digits each: 2010100 is
中类 01 of 大类 01 of 门类 2); the 大类 of 设备 are numbered as the 2022 procurement catalogue numbers
them (A0201 信息化设备 … A0210 仪器仪表), which follows this standard. The six fixed-asset 门类 are loaded with the 大类 and 中类 a county
bureau's cards use, not the whole standard; land is its own top class (土地, code L), recorded but
never depreciated. Useful lives are those of the application guide of 政府会计准则第3号 (财会〔2017〕4号),
valid from 2017-01-01; a later change is a new dated row, not an edit.
"""

import datetime

from django.db import migrations

GUIDE = "政府会计准则第3号——固定资产应用指南（财会〔2017〕4号）"
FROM = datetime.date(2017, 1, 1)

# (code, name, depreciated, useful life in years or None to inherit the parent's)
CLASSES = [
    ("1", "房屋和构筑物", True, None),
    ("1010000", "房屋", True, 50),
    ("1010100", "办公用房", True, 50),
    ("1010200", "业务用房", True, 50),
    ("1010300", "附属用房（食堂、车库等）", True, 50),
    ("1010400", "简易房", True, 8),
    ("1010500", "房屋附属设施", True, 8),
    ("1020000", "构筑物", True, 8),
    ("1020100", "道路和广场", True, 8),
    ("1020200", "围墙和大门", True, 8),
    ("2", "设备", True, None),
    ("2010000", "信息化设备", True, 6),
    ("2010100", "计算机", True, 6),
    ("2010200", "网络设备", True, 6),
    ("2010300", "信息安全设备", True, 6),
    ("2020000", "办公设备", True, 6),
    ("2020100", "复印机和打印机", True, 6),
    ("2020200", "投影仪和显示设备", True, 6),
    ("2030000", "车辆", True, 8),
    ("2030100", "载客汽车", True, 8),
    ("2030200", "载货汽车", True, 8),
    ("2040000", "图书档案设备", True, 5),
    ("2050000", "机械设备", True, 10),
    ("2050100", "电梯", True, 10),
    ("2060000", "电气设备", True, 5),
    ("2060100", "空调机组", True, 5),
    ("2060200", "发电机和配电设备", True, 5),
    ("2080000", "通信设备", True, 5),
    ("2090000", "广播、电视、电影设备", True, 5),
    ("2090100", "会议扩声和视频设备", True, 5),
    ("2100000", "仪器仪表", True, 5),
    ("3", "文物和陈列品", False, None),
    ("3010000", "文物", False, None),
    ("3020000", "陈列品", False, None),
    ("4", "图书和档案", False, None),
    ("4010000", "图书", False, None),
    ("4020000", "档案", False, None),
    ("5", "家具和用具", True, None),
    ("5010000", "家具", True, 15),
    ("5010100", "床类", True, 15),
    ("5010200", "台、桌类", True, 15),
    ("5010300", "椅凳类", True, 15),
    ("5010400", "沙发类", True, 15),
    ("5010500", "柜类", True, 15),
    ("5020000", "用具", True, 5),
    ("5020100", "厨卫用具", True, 5),
    ("5030000", "装具", True, 5),
    ("6", "特种动植物", False, None),
    ("6010000", "特种动物", False, None),
    ("6020000", "特种植物", False, None),
    ("L", "土地", False, None),
]


def parent_code(code):
    if len(code) == 1:
        return None
    if code.endswith("0000"):
        return code[0]
    if code.endswith("00"):
        return code[:3] + "0000"
    return code[:5] + "00"


def load(apps, schema_editor):
    AssetClass = apps.get_model("assets", "AssetClass")
    UsefulLife = apps.get_model("assets", "UsefulLife")
    by_code = {}
    for code, name, depreciable, years in CLASSES:
        parent = by_code.get(parent_code(code))
        by_code[code] = AssetClass.objects.create(
            code=code, name=name, parent=parent, top_code=code[0], depreciable=depreciable
        )
        if years:
            UsefulLife.objects.create(asset_class=by_code[code], valid_from=FROM, years=years, source=GUIDE)


def unload(apps, schema_editor):
    apps.get_model("assets", "UsefulLife").objects.filter(source=GUIDE, valid_from=FROM).delete()
    AssetClass = apps.get_model("assets", "AssetClass")
    for code, *_rest in reversed(CLASSES):
        AssetClass.objects.filter(code=code).delete()


class Migration(migrations.Migration):
    dependencies = [("assets", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
