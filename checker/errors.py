"""Errors the user can act on. Each carries a stable code (``checker rules explain`` covers them)."""

from __future__ import annotations


class CheckerError(Exception):
    """An error reported as one line on stderr with exit code 2, never a traceback."""

    code = "E000"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.message} [{self.code}]"


class InputError(CheckerError):
    """An article could not be read: missing, undecodable, empty, unsupported or malformed."""

    code = "E100"


class ConfigError(CheckerError):
    """A rule or lexicon file is invalid (YAML syntax or JSON Schema)."""

    code = "E200"


class ModelError(CheckerError):
    """The UDPipe model could not be found, loaded or downloaded."""

    code = "E300"


class OutputError(CheckerError):
    """A report or baseline could not be written where it was asked for (nothing there is damaged)."""

    code = "E400"


ERROR_DOCS = {
    "E100": "Input error: an article file is missing, is not UTF-8 text, is empty, has an unsupported "
    "extension, or is a .json file that is not an object with a non-empty 'text'. Fix the file; "
    "checker never modifies it.",
    "E200": "Configuration error: a rule or lexicon file is not valid YAML or does not match its JSON "
    "Schema. The message names the file and the JSON path of the problem.",
    "E300": "Model error: the UDPipe model path does not exist or is not a UDPipe model, or the model "
    "could not be downloaded. Run without --model to use the rule-based fallback.",
    "E400": "Output error: the report or baseline could not be written: the path is empty, a folder, a "
    "read-only file or folder, an input file, or the disk is full. Devices and pipes (/dev/null, a FIFO) "
    "are written directly and regular files are replaced atomically, so nothing at the path is damaged.",
}
