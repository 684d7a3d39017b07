#!/usr/bin/env python3
# The Flatpak manifest cannot be built here (no Flatpak remotes), so it is
# checked instead: the app id, the sandbox (portals only, no filesystem
# access), pinned sources, the project's build options against
# meson_options.txt, and every dependency() of the build against what the
# runtime or a module of the manifest provides.
#
#   check-flatpak.py SOURCE_ROOT APP_ID
#
# Copyright 2026 The Fazhi Review developers
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import sys

# GTK 4.8 and libadwaita 1.2 came with GNOME 43.
MIN_RUNTIME = 43

REQUIRED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
}
# Files come in through the file chooser and drag-and-drop portals.
FORBIDDEN_FINISH_ARGS = re.compile(
    r"^--(filesystem|socket=x11|socket=session-bus|socket=system-bus"
    r"|device=all|share=network|talk-name=org\.freedesktop\.Flatpak)")

# pkg-config names org.gnome.Platform (on org.freedesktop.Platform) ships,
# among those this project may use.
RUNTIME_PROVIDES = {
    "glib-2.0", "gio-2.0", "gio-unix-2.0", "gobject-2.0", "gmodule-2.0",
    "gtk4", "gtk4-unix-print", "libadwaita-1", "gdk-pixbuf-2.0",
    "libpcre2-8", "libxml-2.0", "json-glib-1.0", "libarchive", "zlib",
    "cairo", "cairo-pdf", "cairo-ps", "cairo-svg", "cairo-png", "cairo-ft",
    "cairo-xlib",  # GTK's X11 backend draws through it
    "pango", "pangocairo", "pangoft2", "harfbuzz", "fontconfig", "freetype2",
    "libpng", "libjpeg", "lcms2", "libsoup-3.0", "sqlite3", "libsecret-1",
    "icu-uc", "icu-i18n",
}
# pkg-config names provided by a module of the manifest, by module name.
MODULE_PROVIDES = {
    "poppler-glib": "poppler",
    "poppler": "poppler",
    "xlsxwriter": "libxlsxwriter",
}

failures = []


def fail(message):
    failures.append(message)
    print("not ok:", message)


def parse_meson_options(path):
    """Returns {name: (type, choices or None)} from meson_options.txt."""
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"#[^\n]*", "", text)
    options = {}
    for match in re.finditer(r"option\s*\(\s*'([^']+)'(.*?)\)\s*(?=option\s*\(|$)", text, re.S):
        name, rest = match.group(1), match.group(2)
        kind = re.search(r"type\s*:\s*'([^']+)'", rest)
        choices = re.search(r"choices\s*:\s*\[([^\]]*)\]", rest)
        options[name] = (kind.group(1) if kind else None,
                         re.findall(r"'([^']*)'", choices.group(1)) if choices else None)
    return options


def valid_value(kind, choices, value):
    if kind == "boolean":
        return value in ("true", "false")
    if kind in ("combo", "feature"):
        allowed = choices if kind == "combo" else ["enabled", "disabled", "auto"]
        return value in allowed
    if kind == "integer":
        return re.fullmatch(r"-?\d+", value) is not None
    if kind == "array":
        return choices is None or all(v in choices for v in value.split(",") if v)
    return kind == "string"


def project_dependencies(root):
    """pkg-config names in dependency() calls of every meson.build."""
    names = {}
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = [d for d in subdirs if not d.startswith((".", "_build"))
                      and d not in ("subprojects", "flatpak")]
        if "meson.build" not in files:
            continue
        path = os.path.join(directory, "meson.build")
        text = re.sub(r"#[^\n]*", "", open(path, encoding="utf-8").read())
        for name in re.findall(r"\bdependency\s*\(\s*'([^']+)'", text):
            names.setdefault(name, os.path.relpath(path, root))
    return names


def main():
    root, app_id = sys.argv[1], sys.argv[2]
    manifest_path = os.path.join(root, "flatpak", app_id + ".json")

    try:
        manifest = json.load(open(manifest_path, encoding="utf-8"))
    except (OSError, ValueError) as error:
        print("not ok: cannot read %s: %s" % (manifest_path, error))
        return 1

    if manifest.get("id", manifest.get("app-id")) != app_id:
        fail("the manifest's id is not %s" % app_id)
    if manifest.get("runtime") != "org.gnome.Platform":
        fail("runtime is not org.gnome.Platform")
    if manifest.get("sdk") != "org.gnome.Sdk":
        fail("sdk is not org.gnome.Sdk")
    version = str(manifest.get("runtime-version", ""))
    if not re.fullmatch(r"\d+", version) or int(version) < MIN_RUNTIME:
        fail("runtime-version %r is not a pinned GNOME release >= %d" % (version, MIN_RUNTIME))
    if manifest.get("command") != "fazhi-review":
        fail("command is not fazhi-review")

    finish_args = manifest.get("finish-args", [])
    for arg in sorted(REQUIRED_FINISH_ARGS - set(finish_args)):
        fail("finish-args lacks %s" % arg)
    for arg in finish_args:
        if FORBIDDEN_FINISH_ARGS.match(arg):
            fail("finish-args has %s: files go through the portals" % arg)

    modules = manifest.get("modules", [])
    names = [m.get("name") for m in modules if isinstance(m, dict)]
    if len(names) != len(modules) or None in names:
        fail("every module must be an object with a name")
    if not names or names[-1] != "fazhi-review":
        fail("the last module must be fazhi-review")
        return 1

    for module in modules:
        for source in module.get("sources", []):
            kind = source.get("type")
            where = "module %s" % module["name"]
            if kind in ("archive", "file"):
                if not source.get("url", "").startswith("https://"):
                    fail("%s: source URL is not https" % where)
                if not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
                    fail("%s: source has no sha256" % where)
            elif kind == "git":
                if not re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")):
                    fail("%s: git source is not pinned to a commit" % where)
            elif kind == "dir":
                if module["name"] != "fazhi-review":
                    fail("%s: only the project itself may come from a directory" % where)
                path = os.path.join(os.path.dirname(manifest_path), source.get("path", ""))
                if not os.path.isfile(os.path.join(path, "meson.build")) or \
                   not os.path.samefile(path, root):
                    fail("%s: the dir source is not the project's top folder" % where)
            else:
                fail("%s: unexpected source type %r" % (where, kind))

    project = modules[-1]
    if project.get("buildsystem") != "meson":
        fail("fazhi-review is not built with meson")
    options = parse_meson_options(os.path.join(root, "meson_options.txt"))
    given = {}
    for opt in project.get("config-opts", []):
        match = re.fullmatch(r"-D([A-Za-z0-9_.-]+)=(.*)", opt)
        if not match:
            fail("config-opts entry %r is not -Dname=value" % opt)
            continue
        name, value = match.groups()
        # Meson's own options (buildtype, b_lto…) are not in meson_options.txt.
        if name not in options:
            if re.fullmatch(r"(b_[a-z_]+|buildtype|optimization|debug|warning_level|werror)", name):
                continue
            fail("config-opts sets -D%s, which meson_options.txt does not have" % name)
            continue
        kind, choices = options[name]
        if not valid_value(kind, choices, value):
            fail("config-opts sets -D%s=%s, not a valid %s value" % (name, value, kind))
        given[name] = value
    # The command is the window; tests and benchmarks are not shipped.
    for name, wanted in (("gui", "true"), ("tests", "false"), ("benchmarks", "false")):
        if name in options and given.get(name) != wanted:
            fail("config-opts must set -D%s=%s" % (name, wanted))

    for dep, where in sorted(project_dependencies(root).items()):
        if dep in RUNTIME_PROVIDES:
            continue
        module = MODULE_PROVIDES.get(dep)
        if module is None:
            fail("%s needs %s: add a module for it to the manifest, or list it in "
                 "RUNTIME_PROVIDES if org.gnome.Platform ships it" % (where, dep))
        elif module not in names[:-1]:
            fail("%s needs %s, but the manifest has no %s module before fazhi-review"
                 % (where, dep, module))

    if failures:
        return 1
    print("ok: %s: runtime %s, %d modules, %d project options checked"
          % (os.path.basename(manifest_path), version, len(modules), len(given)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
