# BoardProfile now belongs to kcn.board (board/migrations/0001_initial.py took over its table).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0005_report_published_state"),
        ("board", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="BoardProfile")],
            database_operations=[],
        ),
    ]
