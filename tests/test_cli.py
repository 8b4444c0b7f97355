import subprocess
import sys

import pytest

from casegraph.cli import app
from tests.conftest import ROOT

COMMANDS = ["build", "load", "query", "find", "serve", "maps", "export", "validate", "stats", "review", "rules", "train",
            "cross-validate"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = subprocess.run([sys.executable, "-m", "casegraph.cli", command, "--help"], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0 and "Usage" in result.stdout
    assert {c.name or c.callback.__name__ for c in app.registered_commands} == set(COMMANDS)
