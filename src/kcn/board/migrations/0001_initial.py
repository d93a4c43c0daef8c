# The board's profile moves here from kcn.reports (its own small app, so that the map and the
# portal read it without importing reports). The table exists: take over its state, then
# rename it to this app's name.

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("reports", "0005_report_published_state"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="BoardProfile",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "province",
                            models.CharField(blank=True, max_length=100, verbose_name="province"),
                        ),
                        (
                            "parent_body",
                            models.CharField(
                                blank=True,
                                help_text="e.g. UBND TỈNH HƯNG YÊN",
                                max_length=255,
                                verbose_name="parent body",
                            ),
                        ),
                        (
                            "name",
                            models.CharField(
                                default="BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP",
                                max_length=255,
                                verbose_name="name in the letterhead",
                            ),
                        ),
                        (
                            "name_in_text",
                            models.CharField(
                                default="Ban Quản lý các khu công nghiệp tỉnh",
                                max_length=255,
                                verbose_name="name in sentences",
                            ),
                        ),
                        (
                            "abbreviation",
                            models.CharField(
                                default="BQL",
                                max_length=32,
                                verbose_name="abbreviation in document symbols",
                            ),
                        ),
                        (
                            "place",
                            models.CharField(
                                blank=True,
                                help_text="e.g. Hưng Yên",
                                max_length=100,
                                verbose_name="place in the date line",
                            ),
                        ),
                        (
                            "signer_authority",
                            models.CharField(
                                blank=True,
                                help_text="KT., TL., Q. or empty",
                                max_length=16,
                                verbose_name="signing authority",
                            ),
                        ),
                        (
                            "signer_title",
                            models.CharField(
                                default="TRƯỞNG BAN", max_length=100, verbose_name="signer's title"
                            ),
                        ),
                        (
                            "signer_deputy_title",
                            models.CharField(
                                blank=True,
                                help_text="when a deputy signs for the head: PHÓ TRƯỞNG BAN",
                                max_length=100,
                                verbose_name="deputy's title",
                            ),
                        ),
                        (
                            "signer_name",
                            models.CharField(
                                blank=True, max_length=100, verbose_name="signer's name"
                            ),
                        ),
                        (
                            "recipients",
                            models.TextField(
                                blank=True, help_text="one per line", verbose_name="recipients"
                            ),
                        ),
                        (
                            "outline",
                            models.JSONField(
                                blank=True, null=True, verbose_name="province outline (GeoJSON)"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "board profile",
                        "verbose_name_plural": "board profile",
                        "db_table": "reports_boardprofile",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="boardprofile", table=None),
    ]
