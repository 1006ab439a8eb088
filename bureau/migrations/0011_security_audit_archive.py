"""The audit archive job may delete archived rows on PostgreSQL; nothing else may (see bureau.audit)."""

from django.db import migrations, models

# A DELETE passes only inside a transaction that named, with set_config(..., true) (local to the
# transaction), the highest id it archived, and only for rows up to that id that are older than
# 180 days (网络安全法 art. 21: six months), whatever the setting says. UPDATE is always refused.
ARCHIVABLE = """
CREATE OR REPLACE FUNCTION bureau_auditentry_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE'
       AND COALESCE(current_setting('bureau.audit_archive_upto', true), '') <> ''
       AND OLD.id <= current_setting('bureau.audit_archive_upto')::bigint
       AND OLD.at < now() - interval '180 days' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'bureau_auditentry is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""
APPEND_ONLY = """
CREATE OR REPLACE FUNCTION bureau_auditentry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'bureau_auditentry is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)  # no placeholders: RAISE uses a literal %

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("bureau", "0010_working_day_calendar"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditentry",
            name="action",
            field=models.CharField(
                choices=[
                    ("login", "Login"),
                    ("superuser_login", "Superuser login"),
                    ("login_failed", "Login failed"),
                    ("logout", "Logout"),
                    ("user_created", "User created"),
                    ("user_deactivated", "User deactivated"),
                    ("user_reactivated", "User reactivated"),
                    ("roles_changed", "Roles changed"),
                    ("permissions_changed", "Permissions changed"),
                    ("password_changed", "Password changed"),
                    ("sessions_ended", "Sessions ended"),
                    ("admin_action", "Admin action"),
                    ("export", "Export"),
                    ("view_personal", "Personal data viewed"),
                    ("audit_archived", "Audit log archived"),
                    ("backup", "Backup made"),
                    ("restore", "Backup restored"),
                ],
                db_index=True,
                max_length=30,
                verbose_name="action",
            ),
        ),
        migrations.RunPython(on_postgresql(ARCHIVABLE), on_postgresql(APPEND_ONLY)),
    ]
