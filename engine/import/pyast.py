"""Tusk's reader of Python source: CPython's own parser (`ast`), its tree written as JSON.

Tusk never parses Python itself. `tusk import` (engine/import/pythonast.cpp) runs this script
with the system python3, `python3 -I -S -c SCRIPT NAME`, the source on standard input as bytes
(so that coding cookies and BOMs are read as CPython reads them), and maps the tree it prints
to a project. The output is one JSON object on standard output:

    {"python": "3.11.7", "module": NODE}
    {"python": "3.11.7", "error": {"type": "SyntaxError", "message": "...", "line": 3, "column": 5}}

A NODE is {"_": "ClassName", "at": [line, column, end_line, end_column], field: value, ...}.
Columns are 1-based and count characters (ast's col_offset counts UTF-8 bytes), which is how
CPython's own error messages count them. Constants keep what JSON cannot: ints as decimal text
({"int": "123"}, any size), floats as their repr ({"float": "0.1"}), other kinds by type name.
Expression contexts (Load, Store) are left out: the mapping never needs them.
"""

import ast
import io
import json
import re
import sys
import tokenize


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else "<stdin>"
    source = sys.stdin.buffer.read()
    out = {"python": "%d.%d.%d" % sys.version_info[:3]}
    try:
        tree = ast.parse(source, filename=name)
        encoding = tokenize.detect_encoding(io.BytesIO(source).readline)[0]
        # ast counts lines as the tokenizer does: \n, \r\n and \r only (not str.splitlines()'s \f, \x1c...).
        lines = re.split(r"\r\n|\r|\n", source.decode(encoding))
        out["module"] = Writer(lines).node(tree)
        # The source itself, so that expressions come into Tusk as they were written.
        out["module"]["_lines"] = lines
        text = json.dumps(out, ensure_ascii=True)
    except SyntaxError as e:  # IndentationError and TabError too
        out["error"] = {"type": type(e).__name__, "message": e.msg,
                        "line": e.lineno or 0, "column": e.offset or 0}
    except (ValueError, UnicodeDecodeError, LookupError) as e:  # null bytes, bad encoding
        out["error"] = {"type": type(e).__name__, "message": str(e), "line": 0, "column": 0}
    except RecursionError:
        out["error"] = {"type": "RecursionError", "message": "the program nests too deeply to parse",
                        "line": 0, "column": 0}
    if "error" in out:
        text = json.dumps(out, ensure_ascii=True)
    sys.stdout.write(text)


class Writer:
    def __init__(self, lines):
        self.lines = lines

    def column(self, line, byte_offset):
        """ast's UTF-8 byte offset as a 1-based character column."""
        if not 1 <= line <= len(self.lines):
            return byte_offset + 1
        text = self.lines[line - 1].encode("utf-8", "surrogatepass")
        return len(text[:byte_offset].decode("utf-8", "replace")) + 1

    def node(self, node):
        out = {"_": type(node).__name__}
        if hasattr(node, "lineno"):
            end_line = getattr(node, "end_lineno", None) or node.lineno
            end_col = getattr(node, "end_col_offset", None)
            out["at"] = [node.lineno, self.column(node.lineno, node.col_offset),
                         end_line, self.column(end_line, end_col) if end_col is not None else 0]
        for field, value in ast.iter_fields(node):
            if field == "ctx":
                continue
            out[field] = self.value(value)
        if isinstance(node, ast.FormattedValue):
            debug = self.debug_text(node.value)
            if debug is not None:
                out["debug"] = debug
        return out

    def debug_text(self, expr):
        """For a self-documenting field (`{x=}`, `{ x = }`), the text CPython puts before its
        value ("x=", " x = "): the tree alone cannot tell `f"{x=}"` from `f"x={x!r}"`."""
        if not hasattr(expr, "end_lineno") or expr.lineno != expr.end_lineno or not 1 <= expr.lineno <= len(self.lines):
            return None
        line = self.lines[expr.lineno - 1]
        start = self.column(expr.lineno, expr.col_offset) - 1
        end = self.column(expr.end_lineno, expr.end_col_offset) - 1
        open_brace = start - 1
        while open_brace >= 0 and line[open_brace] in " \t":
            open_brace -= 1
        after = end
        while after < len(line) and line[after] in " \t":
            after += 1
        if open_brace < 0 or line[open_brace] != "{" or line[after:after + 1] != "=" or line[after:after + 2] == "==":
            return None
        after += 1
        while after < len(line) and line[after] in " \t":
            after += 1
        return line[open_brace + 1:after]

    def value(self, value):
        if isinstance(value, ast.AST):
            return self.node(value)
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if value is None or isinstance(value, (bool, str)):
            return value
        if isinstance(value, int):
            return {"int": str(value)}
        if isinstance(value, float):
            return {"float": repr(value)}
        return {"other": type(value).__name__}


if __name__ == "__main__":
    main()
