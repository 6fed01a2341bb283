"""Start-up benchmark: process start → a usable first screen, against a bare QMainWindow process.

    uv run python tests/bench/bench_startup.py [--rounds 7] [--json PATH]

Both are whole processes (interpreter start and imports included), started
alternately (bare, KohoGate, KohoGate, bare, …: tests/bench/harness.py), so
load drift on a shared machine hits both alike. KohoGate runs on the demo
data with ``KOHOGATE_BENCH_STARTUP`` set, as a supervisor and operator of 秘書広報課
(the OS login, an administrator in the demo data, is given those roles): the start
screen is 予定 with its today board (``MainWindow.start_screen``), what most people
see every morning, not the administrator's drafts list. It prints three marks:
- ``shown``: the window's shell is on screen (the "opening the database…" page);
- ``ready``: the database is open and the screens attached;
- ``usable``: the first screen is shown and read, and every read the start
  began has come back to the UI thread, while the event loop takes input
  again (``gui.application.usable``): what a person can work with.
The bare window quits at its first event-loop turn after ``show()``.
Goal (issue 21): usable ≤ 3× the bare window. Prints figures; asserts nothing.

On a shared machine the wall-clock ratio moves with the load; the CPU both
processes used (start to quit, from the OS's accounting of waited-for
children; not on Windows) is printed as well, as the steadier of the two.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from core.runtime.paths import DATABASE_FILE  # noqa: E402
from tests.bench.harness import Report, alternate, arguments, process_marks  # noqa: E402

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1200, 760); w.show()
QTimer.singleShot(0, lambda: (print(f"shown {time.time():.6f}", flush=True), app.quit()))
app.exec()
"""

# The bare window and the ORM the application is built on (SQLAlchemy with its 43 mapped classes),
# mapped and asked one question on the same database: what any start with this stack costs before
# the first screen reads anything of its own.
BARE_WITH_ORM = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1200, 760); w.show()

def orm():
    from sqlalchemy import create_engine, text
    from sqlalchemy.orm import Session, configure_mappers
    import core.storage.models
    configure_mappers()
    with Session(create_engine("sqlite:///" + sys.argv[1])) as session:
        session.execute(text("SELECT 1 FROM alembic_version")).all()
    print(f"shown {time.time():.6f}", flush=True)
    app.quit()

QTimer.singleShot(0, orm)
app.exec()
"""

# The OS login (the demo's first administrator) decides and writes for 秘書広報課, as the
# people who open KohoGate every morning do; another administrator remains (demo.watanabe).
AS_SUPERVISOR = """
import sys
from core.organization.identity import current_login
from core.organization.roles import Role
from core.runtime.bootstrap import open_environment
from core.services.organization import list_departments
from core.services.staff import StaffService, actor_for

env = open_environment(sys.argv[1], None)
me = actor_for(env.store, current_login(), env.terminal.uid)
assert me is not None
staff = StaffService(env.store, me)
staff.set_department(me.staff_id, next(d.id for d in list_departments(env.store) if d.name == "秘書広報課"))
staff.set_roles(me.staff_id, [Role.SUPERVISOR, Role.OPERATOR])
env.close()
"""


def with_cpu(run: Callable[[], dict[str, float]]) -> Callable[[], dict[str, float]]:
    """``run``'s marks plus ``cpu``: the seconds of CPU (user + system) its process used."""
    try:
        import resource
    except ImportError:  # Windows: wall-clock marks only
        return run

    def measured() -> dict[str, float]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        marks = run()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return {**marks, "cpu": used}

    return measured


def main() -> int:
    args = arguments(argparse.ArgumentParser(description=__doc__.splitlines()[0]), rounds=7).parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    # Bytecode as an installed copy has it (the demo run writes it, outside the tree): a shell with
    # PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module of SQLAlchemy on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as pycache:
        env["PYTHONPYCACHEPREFIX"] = pycache
        subprocess.run(
            [sys.executable, "app.py", "--data-dir", data, "demo"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        subprocess.run([sys.executable, "-c", AS_SUPERVISOR, data], cwd=ROOT, env=env, check=True)
        app_env = dict(env, KOHOGATE_BENCH_STARTUP="1")
        samples = alternate(
            {
                "bare": with_cpu(lambda: process_marks([sys.executable, "-c", BARE], env=env, cwd=ROOT)),
                "orm": with_cpu(
                    lambda: process_marks(
                        [sys.executable, "-c", BARE_WITH_ORM, str(Path(data) / DATABASE_FILE)], env=env, cwd=ROOT
                    )
                ),
                "app": with_cpu(
                    lambda: process_marks([sys.executable, "app.py", "--data-dir", data], env=app_env, cwd=ROOT)
                ),
            },
            rounds=args.rounds,
            warmup=1,  # the first run compiles the .qm files and fills the OS file cache
        )
    bare = samples["bare:shown"]
    report = Report("bench_startup.py")
    report.add(
        "start-up to a usable first screen",
        samples["app:usable"],
        floor=bare,
        floor_case="a bare QMainWindow process",
        goal="≤ 3×",
    )
    report.add(
        "the bare window with the ORM mapped and one query (the stack's floor)",
        samples["orm:shown"],
        floor=bare,
        floor_case="bare",
    )
    report.add(
        "start-up to a usable first screen, against the stack's floor",
        samples["app:usable"],
        floor=samples["orm:shown"],
        floor_case="the bare window with the ORM",
    )
    report.add("… to the screens attached (database open)", samples["app:ready"], floor=bare, floor_case="bare")
    report.add("… to the window's shell shown (loading page)", samples["app:shown"], floor=bare, floor_case="bare")
    if "app:cpu" in samples:
        report.add(
            "CPU of the process, start to quit (user + system)",
            samples["app:cpu"],
            floor=samples["bare:cpu"],
            floor_case="bare",
            readme=False,
        )
    report.finish(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
