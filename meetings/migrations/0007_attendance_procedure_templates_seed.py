"""Seeds the reference bureau's checklist: 9 steps before, 8 during and 3 after a meeting.

Hours are counted back from the start (before), from the start (during) or from the end (after).
Running it again adds nothing: steps are looked up by (phase, name).
"""

from django.db import migrations

STEPS = {
    "pre": [
        ("发送会议通知", -120, "印发会议通知，落实参会人员及回执"),
        ("材料印制", -48, "会议文件、议程、讲话稿统一印制、分装"),
        ("会场布置", -24, "横幅、桌椅、花草、指示牌布置到位"),
        ("座次安排与座位牌制作", -24, "按职务排定座次，制作座位牌和座次图"),
        ("音响视频设备调试", -4, "话筒、音响、投影、视频会议终端联调"),
        ("车辆安排", -24, "接送车辆、停车区域安排"),
        ("食宿安排", -48, "按标准安排住宿和工作餐"),
        ("签到准备", -24, "签到二维码、签到表、签到台就位"),
        ("安全保卫与应急预案", -24, "安保、消防、医疗和应急预案落实"),
    ],
    "in": [
        ("签到", 0, "组织签到，统计到会情况"),
        ("引导入座", 0, "引导参会人员按座次入座"),
        ("会议记录", 0, "做好会议记录，整理会议纪要"),
        ("摄影摄像", 0, "会议全程摄影摄像"),
        ("茶水服务", 0, "会中续水、茶歇服务"),
        ("音响设备保障", 0, "会中设备值守，及时排除故障"),
        ("会场秩序维护", 0, "维护会场秩序，执行会风会纪要求"),
        ("用餐引导", 2, "引导就餐，控制用餐标准"),
    ],
    "post": [
        ("会场清理", 2, "撤场、清洁、物品归位"),
        ("经费结算", 240, "按实结算会议经费，统一会后结算"),
        ("资料归档", 168, "会议文件、记录、影像资料归档"),
    ],
}


def seed(apps, schema_editor):
    from django.utils import timezone

    ProcedureTemplate = apps.get_model("meetings", "ProcedureTemplate")
    HistoricalProcedureTemplate = apps.get_model("meetings", "HistoricalProcedureTemplate")
    for phase, steps in STEPS.items():
        for index, (name, hours, description) in enumerate(steps, start=1):
            template, created = ProcedureTemplate.objects.get_or_create(
                phase=phase,
                name=name,
                defaults={"order": index * 10, "due_offset_hours": hours, "description": description},
            )
            if created:  # seeded rows keep a history like every other write
                fields = {f.attname: getattr(template, f.attname) for f in ProcedureTemplate._meta.concrete_fields}
                HistoricalProcedureTemplate.objects.create(**fields, history_date=timezone.now(), history_type="+")


def unseed(apps, schema_editor):
    ProcedureTemplate = apps.get_model("meetings", "ProcedureTemplate")
    for phase, steps in STEPS.items():
        ProcedureTemplate.objects.filter(phase=phase, name__in=[name for name, _h, _d in steps]).delete()


class Migration(migrations.Migration):
    dependencies = [("meetings", "0006_attendance_procedures")]

    operations = [migrations.RunPython(seed, unseed)]
