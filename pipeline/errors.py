"""The user-error vocabulary of every command: exit codes and a German message, never a traceback."""

from __future__ import annotations

import sys

from . import messages as M

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


class UserError(Exception):
    """A user error: a German message, an optional hint and the exit code; never a traceback."""

    def __init__(self, code: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint

    def show(self) -> int:
        prefix = M.USAGE_PREFIX if self.code == EXIT_USAGE else M.ERROR_PREFIX
        text = f"{prefix}: {self.message}"
        if self.hint:
            text += f" {M.HINT_PREFIX}: {self.hint}"
        print(text, file=sys.stderr)
        return self.code
