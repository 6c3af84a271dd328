#!/usr/bin/python3
# test-a11y.py: looks at Clausewise the way a screen reader does. It starts
# the real app on a demo workspace with GTK's AT-SPI bridge on, opens every
# page and every dialog through AT-SPI actions and synthesized keys, and
# fails on any showing control without a name, with a doubled name, with a
# mnemonic underscore in its name or named after its GTK class; on dialogs
# not exposed as dialogs, and on expanders that do not report their state.
#
#   test-a11y.py --app _build/src/gui/clausewise --cli _build/src/cli/clausewise-cli
#
# It needs a session bus and an X display; without them it runs itself under
# dbus-run-session and xvfb-run. It starts its own window manager, so that
# focus and keyboard events behave as on a desktop, and stops it at the end.

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

# G_DEBUG=fatal-warnings is for the app under test. libatspi in this process
# warns about things GTK 4.8 does not implement (its cache interface), which
# must not abort the test: the variable leaves before GLib is loaded.
APP_G_DEBUG = os.environ.pop("G_DEBUG", None)

# Every page and dialog the test must visit. A name missing from the visited
# set at the end is a failure: a change that breaks a way in must not make the
# test quietly check less.
MUST_VISIT = [
    "page: Audits",
    "page: Findings",
    "page: Actions",
    "page: Reviews",
    "page: Programme",
    "page: Readiness",
    "page: Practice",
    "page: Practice exercise",
    "page: Search results",
    "page: Audit checklist",
    "menu: Main menu",
    "menu: Audit menu",
    "popover: Results chart",
    "dialog: New audit",
    "dialog: Audit details",
    "dialog: Plan and meetings",
    "dialog: Finding editor",
    "dialog: Evidence",
    "dialog: History",
    "dialog: Export PDF",
    "dialog: New action",
    "dialog: New review",
    "dialog: Organisation",
    "dialog: Record a certification body audit",
    "dialog: Preferences",
    "dialog: Keyboard shortcuts",
    "dialog: About",
    "dialog: Settle conflicts",
    "dialog: Start a case audit",
    "page: Case audit checklist",
    "dialog: Case library",
    "dialog: Debrief",
]

# Problems that GTK 4.8 or libadwaita 1.2 make in their own widgets, where our
# code has no say. Each entry: (where: a page or dialog or "*", inside: a
# pattern on the roles from the window down or None, role or "*", a pattern
# the whole name must match, why). Anything else still fails.
ALLOW = [
    ("*", None, "scroll bar", r"GtkScrollbar",
     "GtkScrolledWindow's own scrollbars: GTK 4.8 gives them no name and no way to set one"),
    ("*", r"page tab > .*image$", "image", r"GtkImage",
     "the icon inside each libadwaita 1.2 view switcher button, which is itself named "
     "after its page"),
    ("*", r"combo box > push button$", "push button", r"GtkToggleButton",
     "the button inside a GTK 4.8 GtkDropDown, which is itself named; GTK has no API to "
     "reach it"),
    ("*", r"combo box > .*list > list item$", "list item", r"",
     "the row inside a libadwaita 1.2 combo row that shows its current value: the combo "
     "box around it is named, and reads the value"),
    # Whole windows that GTK and libadwaita build: we choose their title and
    # content (the file name, the credits), not their widgets.
    ("dialog: Export PDF", None, "*", r".*",
     "GTK 4.8's own file chooser (GtkFileChooserNative without a portal): its places, "
     "path bar and buttons are unnamed or named after their classes, and it focuses its "
     "name entry before it is shown, which makes GTK 4.8 expose the window as a plain widget"),
    ("dialog: Keyboard shortcuts", None, "*", r"_1|Page_Up|Page_Down|GtkImage",
     "GtkShortcutsWindow (GTK 4.8) shows key names as X keysyms (Page_Down, _1 for "
     "Alt+1) and leaves its search button unnamed"),
    ("dialog: About", None, "*", r"GtkImage|GtkButton",
     "AdwAboutWindow (libadwaita 1.2): its application icon, row arrows and back button "
     "are unnamed"),
]

ROW_ROLES = {"list item", "table row", "tree item", "table cell"}
INTERACTIVE_ROLES = {
    "push button", "toggle button", "check box", "radio button", "menu item",
    "check menu item", "radio menu item", "combo box", "entry", "password text",
    "spin button", "slider", "link", "page tab", "switch", "menu", "scroll bar",
    "text", "level bar", "progress bar",
} | ROW_ROLES
# Containers: GTK 4.8 shows the type of an unnamed one as its name, which no
# screen reader speaks for a panel or a filler. Anything else named after its
# class (a button, a picture, a table cell, a menu) is a failure.
CONTAINER_ROLES = {
    "panel", "filler", "section", "scroll pane", "viewport", "separator",
    "unknown", "redundant object", "grouping", "form", "application", "frame",
    "window", "tool bar", "tab panel", "page tab list", "list", "table",
    "tree table", "tree", "heading", "paragraph", "static", "dialog",
    "alert", "document frame", "popup menu", "status bar", "tooltip", "article",
    "landmark", "canvas", "menu bar",
}

CLASS_NAME = re.compile(r"^(Gtk|Adw|Cw)[A-Z]")
MNEMONIC = re.compile(r"(^|[\s\w])_[^\W_]")


def log(*args):
    print("#", *args, flush=True)


class Failure(Exception):
    pass


def rerun_in_session():
    """Runs this script again under a private session bus and X server when
    they are missing, so the test also works from a bare shell."""
    argv = [sys.executable] + sys.argv
    env = dict(os.environ)
    if APP_G_DEBUG:
        env["G_DEBUG"] = APP_G_DEBUG  # for the app; the rerun takes it out again
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        os.execvpe("dbus-run-session", ["dbus-run-session", "--"] + argv, env)
    if not os.environ.get("DISPLAY"):
        os.execvpe("xvfb-run", ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24"] + argv, env)


def start_a11y_bus(runtime_dir):
    """Asks the session bus for the accessibility bus, which starts
    at-spi-bus-launcher by D-Bus activation if it is not running yet.

    The launcher is told to keep its socket in our own runtime directory:
    without XDG_RUNTIME_DIR it puts it in ~/.cache/at-spi/bus, which two test
    runs on one machine would take from each other. The address goes into
    AT_SPI_BUS_ADDRESS, which libatspi and GTK read before anything else, so
    a stale AT_SPI_BUS property on a reused X display cannot send either of
    them to a bus that has gone."""
    from gi.repository import Gio, GLib

    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    # The registry daemon synthesizes key presses on the X display: it needs
    # the display and, under xvfb-run, its cookie.
    env = {"XDG_RUNTIME_DIR": runtime_dir}
    for name in ("DISPLAY", "XAUTHORITY"):
        if os.environ.get(name):
            env[name] = os.environ[name]
    bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                  "UpdateActivationEnvironment", GLib.Variant("(a{ss})", (env,)), None,
                  Gio.DBusCallFlags.NONE, 5000, None)
    reply = bus.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress", None,
                          GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, 20000, None)
    address = reply.unpack()[0]
    os.environ["AT_SPI_BUS_ADDRESS"] = address
    return address


APP_PROCESS = []


def wait_for(what, predicate, timeout=15.0):
    deadline = time.monotonic() + timeout
    while True:
        if APP_PROCESS and APP_PROCESS[0].poll() is not None:
            raise Failure("clausewise exited with status %d" % APP_PROCESS[0].returncode)
        try:
            value = predicate()
        except Exception:  # objects go away while we look at them
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise Failure("timed out waiting for " + what)
        time.sleep(0.1)


class App:
    def __init__(self, pyatspi, process):
        self.atspi = pyatspi
        self.process = process

    def root(self):
        desktop = self.atspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            child = desktop.getChildAtIndex(i)
            try:
                if child is not None and child.get_process_id() == self.process.pid:
                    return child
            except Exception:
                continue
        return None

    def windows(self):
        root = self.root()
        if root is None:
            return []
        return [root.getChildAtIndex(i) for i in range(root.childCount)]

    def main_window(self):
        for window in self.windows():
            if window is not None and window.getRoleName() == "frame" and \
                    "clausewise" in window.name:
                return window
        return None

    # -- finding things -----------------------------------------------------

    def showing(self, acc):
        states = acc.getState()
        if states.contains(self.atspi.STATE_SHOWING) and acc.getRoleName() not in (
                "frame", "dialog", "window", "alert"):
            return True
        if not states.contains(self.atspi.STATE_VISIBLE):
            return False
        # GTK 4.8 never sets SHOWING below a window; what it does tell is the
        # extent, which is empty for what a stack or a squeezer has never
        # shown. (A page it showed before keeps its last extent: the checker
        # looks at each object once, under the first page that shows it.)
        # Scrolled out of view is still showing, as AT-SPI means it: a
        # screen reader reaches it by moving on.
        try:
            box = acc.queryComponent().getExtents(self.atspi.WINDOW_COORDS)
        except NotImplementedError:
            return True  # stack pages: not widgets, no extents; their child decides
        return box.width > 0 and box.height > 0

    def walk(self, top, visit):
        """Calls visit(acc, path) for top and every showing object under it;
        path lists the roles from top down to acc."""

        def rec(acc, path):
            for i in range(acc.childCount):
                child = acc.getChildAtIndex(i)
                if child is None:
                    continue
                try:
                    if not self.showing(child):
                        continue
                    role = child.getRoleName()
                    visit(child, path + [role])
                    rec(child, path + [role])
                except Exception as e:  # gone while walking
                    if "defunct" in str(e) or "UnknownObject" in str(e) or "Disconnected" in str(e):
                        continue
                    raise

        visit(top, [top.getRoleName()])
        rec(top, [top.getRoleName()])

    def find(self, top, role=None, name=None, action=None):
        found = []

        def visit(acc, path):
            if role is not None and acc.getRoleName() != role:
                return
            if name is not None and not (name.match(acc.name) if hasattr(name, "match")
                                         else acc.name == name):
                return
            if action is not None and action not in actions_of(acc):
                return
            found.append(acc)

        self.walk(top, visit)
        return found[0] if found else None

    def find_window(self, exclude, title=None):
        for window in self.windows():
            if window is None or window.path in exclude:
                continue
            if title is None or title.lower() in window.name.lower():
                return window
        return None


def actions_of(acc):
    try:
        action = acc.queryAction()
        return [action.getName(i) for i in range(action.nActions)]
    except NotImplementedError:
        return []
    except Exception:  # GTK 4.8 answers with an error for an insensitive widget
        return []


def has_descendant(acc, role, depth):
    for i in range(acc.childCount if depth > 0 else 0):
        child = acc.getChildAtIndex(i)
        if child is not None and (child.getRoleName() == role or
                                  has_descendant(child, role, depth - 1)):
            return True
    return False


def has_state_within(acc, state, depth):
    if acc.getState().contains(state):
        return True
    for i in range(acc.childCount if depth > 0 else 0):
        child = acc.getChildAtIndex(i)
        if child is not None and has_state_within(child, state, depth - 1):
            return True
    return False


def do_action(acc, name):
    action = acc.queryAction()
    for i in range(action.nActions):
        if action.getName(i) == name:
            action.doAction(i)
            return
    raise Failure("%s %r has no action %s (it has %s)"
                  % (acc.getRoleName(), acc.name, name, actions_of(acc)))


class Checker:
    def __init__(self, app):
        self.app = app
        self.failures = {}  # where -> [lines]
        self.seen = set()
        self.visited = []
        self.allowed = {}

    def allowed_reason(self, where, path, role, name):
        for place, inside, arole, pattern, reason in ALLOW:
            if place not in ("*", where) or arole not in ("*", role):
                continue
            if inside and not re.search(inside, " > ".join(path)):
                continue
            if re.fullmatch(pattern, name):
                return reason
        return None

    def check(self, where, top):
        """Records every problem of what top shows, under `where`."""
        log("checking", where)
        self.visited.append(where)
        problems = self.failures.setdefault(where, [])
        atspi = self.app.atspi

        def visit(acc, path):
            key = acc.path
            if key in self.seen:
                return
            self.seen.add(key)
            role = acc.getRoleName()
            name = acc.name or ""
            description = acc.description or ""
            bad = []
            if role in INTERACTIVE_ROLES and not name.strip():
                bad.append("no name")
            if MNEMONIC.search(name):
                bad.append("mnemonic underscore in name")
            half = (len(name) - 1) // 2
            plain = name.replace("_", "")
            if len(name) > 2 and len(name) % 2 == 1 and name[half] == " " and \
                    name[:half] == name[half + 1:]:
                bad.append("doubled name")
            elif plain != name and len(plain) >= 3 and len(plain) % 2 == 1 and \
                    plain[:len(plain) // 2] == plain[len(plain) // 2 + 1:]:
                bad.append("doubled name")
            if name and description and \
                    name.strip().casefold() == description.strip().casefold() and \
                    role not in ("application",):
                bad.append("description repeats the name")
            if CLASS_NAME.match(name) and role not in CONTAINER_ROLES:
                bad.append("named after its class")
            # Something that opens and closes (a tree expander's actions, a
            # row that holds an expander) must say whether it is open.
            acts = actions_of(acc)
            if any("expand" in a for a in acts) and \
                    not acc.getState().contains(atspi.STATE_EXPANDABLE) and \
                    not (acc.parent is not None and
                         acc.parent.getState().contains(atspi.STATE_EXPANDABLE)):
                bad.append("expander without its expanded or collapsed state")
            # A row holding rows (an expander row) opens and closes too.
            if role == "list item" and has_descendant(acc, "list", 3) and \
                    not has_state_within(acc, atspi.STATE_EXPANDABLE, 3):
                bad.append("expander row without its expanded or collapsed state")
            for problem in bad:
                reason = self.allowed_reason(where, path, role, name)
                line = "%s: [%s] %r%s (%s)" % (problem, role, name,
                                               " desc=%r" % description if description else "",
                                               " > ".join(path[-4:]))
                if reason:
                    self.allowed.setdefault(reason, 0)
                    self.allowed[reason] += 1
                else:
                    problems.append(line)

        self.app.walk(top, visit)

    def check_dialog(self, where, window):
        role = window.getRoleName()
        if role != "dialog" and self.allowed_reason(where, [role], role, window.name):
            self.allowed.setdefault(self.allowed_reason(where, [role], role, window.name), 0)
            role = "dialog"
        if role != "dialog":
            self.failures.setdefault(where, []).append(
                "window %r is exposed as %s, not as a dialog" % (window.name, role))
        self.check(where, window)


# X keysyms of the keys the test presses.
KEYSYMS = {"Tab": 0xff09, "Return": 0xff0d, "Escape": 0xff1b, "Down": 0xff54, "comma": 0x002c}


def press(atspi, key, modifiers=0):
    if modifiers:
        atspi.Registry.generateKeyboardEvent(modifiers, None, atspi.KEY_LOCKMODIFIERS)
    atspi.Registry.generateKeyboardEvent(KEYSYMS[key], None, atspi.KEY_SYM)
    if modifiers:
        atspi.Registry.generateKeyboardEvent(modifiers, None, atspi.KEY_UNLOCKMODIFIERS)
    time.sleep(0.3)


def type_text(atspi, text):
    atspi.Registry.generateKeyboardEvent(0, text, atspi.KEY_STRING)
    time.sleep(0.3)


CONTROL = 1 << 2


def run(args):
    # The Practice page shows the practice file's path in a label; an
    # underscore that mkdtemp happened to put in it reads as a mnemonic.
    while True:
        tmp = tempfile.mkdtemp(prefix="clausewise-a11y-")
        if "_" not in tmp:
            break
        os.rmdir(tmp)
    runtime = os.path.join(tmp, "runtime")
    os.mkdir(runtime, 0o700)
    address = start_a11y_bus(runtime)
    log("accessibility bus:", address)

    import pyatspi
    from gi.repository import Atspi
    # libatspi gives up on a reply after 800 ms. The app under ASan can take
    # longer to answer while it builds a page of hundreds of rows, which is
    # slowness, not an accessibility fault: wait for it as a screen reader
    # user would.
    Atspi.set_timeout(30000, 60000)

    env = dict(os.environ)
    # The other UI tests switch the bridge off; this one is about the bridge.
    for name in ("GTK_A11Y", "NO_AT_BRIDGE", "GTK_DEBUG"):
        env.pop(name, None)
    env.update({
        "XDG_DATA_HOME": os.path.join(tmp, "data"),
        "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
        "XDG_CACHE_HOME": os.path.join(tmp, "cache"),
        "XDG_RUNTIME_DIR": runtime,
        "GTK_USE_PORTAL": "0",
    })
    if APP_G_DEBUG:
        env["G_DEBUG"] = APP_G_DEBUG
    for name in ("data", "config", "cache"):
        os.makedirs(os.path.join(tmp, name))

    wm = subprocess.Popen([args.wm, "--sm-disable"], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    app_process = None
    try:
        workspace = os.path.join(tmp, "demo.clausewise")
        subprocess.run([args.cli, "demo", workspace], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        time.sleep(0.5)  # openbox takes the screen before the window maps
        app_process = subprocess.Popen([args.app, workspace], env=env)
        APP_PROCESS.append(app_process)
        app = App(pyatspi, app_process)
        checker = Checker(app)
        visit_everything(app, checker, pyatspi)
        stop_app(app_process)
        APP_PROCESS.remove(app_process)
        # A trainee's case audit, issued, so that its debrief is there.
        case = make_case_workspace(args.cli, env, tmp)
        app_process = subprocess.Popen([args.app, case], env=env)
        APP_PROCESS.append(app_process)
        app = App(pyatspi, app_process)
        checker.app = app
        visit_case(app, checker, pyatspi)
    finally:
        if app_process is not None:
            stop_app(app_process)
        wm.terminate()
        wm.wait(10)
        shutil.rmtree(tmp, ignore_errors=True)
    return report(checker)


def stop_app(process):
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


def make_case_workspace(cli, env, tmp):
    """The bundled small case, started, two records asked for, a major raised
    on problem management and the report issued: what a trainee has before
    reading the debrief."""
    case = os.path.join(tmp, "case.clausewise")
    today = time.strftime("%Y-%m-%d")
    steps = [
        ["case", "start", case, "harbourside-desk", "--trainee", "Sam Trainee"],
        ["case", "records", case, "1", "--ask", "inc-26-0412,inc-26-0931"],
        ["audit", "answer", case, "1", "8.6.3.q1", "major"],
        ["finding", "new", case, "1", "--question", "8.6.3.q1", "--grade", "major",
         "--requirement", "Procedure INC-PRO-01 v3.0 asks for a problem record for repeats.",
         "--evidence", "INC-26-0412 and INC-26-0931 repeat with no problem record.",
         "--statement", "Problems are not recorded for repeated incidents.",
         "--grade-reason", "No problem log has been kept since January."],
        ["audit", "meeting", case, "1", "opening", "--date", today, "--attendees", "Sam Trainee"],
        ["audit", "meeting", case, "1", "closing", "--date", today, "--attendees", "Sam Trainee"],
        ["audit", "issue", case, "1"],
    ]
    for step in steps:
        subprocess.run([cli] + step, env=env, check=True, stdout=subprocess.DEVNULL)
    return case


class Visitor:
    """What every visit does: open a dialog and check it, close it, find the
    focus, reach an audit's checklist with the keyboard."""

    def __init__(self, app, checker, atspi, window):
        self.app, self.checker, self.atspi, self.window = app, checker, atspi, window

    def open_dialog(self, where, opener, title=None, close=True):
        app = self.app
        before = {w.path for w in app.windows() if w is not None}
        opener()
        dialog = wait_for(where, lambda: app.find_window(before, title))
        time.sleep(0.6)  # its rows fill in after it maps
        self.checker.check_dialog(where, dialog)
        if close:
            self.close_window(dialog)
        return dialog

    def close_window(self, dialog):
        app = self.app
        path = dialog.path
        if "window.close" in actions_of(dialog):
            do_action(dialog, "window.close")
        else:
            press(self.atspi, "Escape")
        wait_for("the dialog to close",
                 lambda: all(w is None or w.path != path for w in app.windows()))
        time.sleep(0.3)

    def step(self, where, fn):
        try:
            fn()
        except Exception as e:
            self.checker.failures.setdefault(where, []).append("could not visit: %s" % e)
            traceback.print_exc(file=sys.stdout)

    def focused(self):
        found = []
        self.app.walk(self.window, lambda acc, path: found.append(acc)
                      if acc.getState().contains(self.atspi.STATE_FOCUSED) else None)
        return found[-1] if found else None

    def tab(self, name):
        t = self.app.find(self.window, role="page tab", name=name)
        if t is None:
            raise Failure("no page tab " + name)
        do_action(t, "click")
        time.sleep(0.5)

    def open_checklist(self, where, target, action="checklist.details"):
        """The way a keyboard user opens an audit: Tab into the list, arrow to
        the audit, Enter. Returns the checklist, known by `action` (an issued
        audit's plan takes no edits: its details action is off)."""
        self.tab("Audits")
        for _ in range(30):
            acc = self.focused()
            if acc is not None and acc.getRoleName() == "list item":
                break
            press(self.atspi, "Tab")
        for _ in range(10):
            acc = self.focused()
            if acc is not None and target.match(acc.name):
                break
            press(self.atspi, "Down")
        else:
            raise Failure("could not reach the audit with the keyboard")
        press(self.atspi, "Return")
        checklist = wait_for("the checklist",
                             lambda: self.app.find(self.window, action=action))
        time.sleep(0.8)
        self.checker.check(where, self.window)
        return checklist


def visit_case(app, checker, atspi):
    window = wait_for("the case audit's window", app.main_window, 30)
    wait_for("the audits list", lambda: app.find(window, role="list", name="Audits"))
    visitor = Visitor(app, checker, atspi, window)
    checklist = []
    visitor.step("page: Case audit checklist", lambda: checklist.append(
        visitor.open_checklist("page: Case audit checklist", re.compile(r"Harbourside.*"),
                               "checklist.debrief")))

    def dialog(where, action):
        def fn():
            if not checklist:
                raise Failure("the checklist did not open")
            visitor.open_dialog(where, lambda: do_action(checklist[0], action))
        visitor.step(where, fn)
    dialog("dialog: Case library", "checklist.case-library")
    dialog("dialog: Debrief", "checklist.debrief")


def visit_everything(app, checker, atspi):
    started = time.monotonic()
    window = wait_for("the main window", app.main_window, 30)
    wait_for("the audits list", lambda: app.find(window, role="list", name="Audits"))

    visitor = Visitor(app, checker, atspi, window)
    tab = visitor.tab
    open_dialog = visitor.open_dialog
    step = visitor.step

    # -- the main window's pages -------------------------------------------
    for name in ("Audits", "Findings", "Actions", "Reviews", "Programme", "Readiness",
                 "Practice"):
        def page(name=name):
            tab(name)
            checker.check("page: " + name, window)
        step("page: " + name, page)

    def practice_exercise():
        tab("Practice")
        start = app.find(window, role="push button", name="Start Practice", action="click")
        if start is None:
            raise Failure("no Start Practice button")
        do_action(start, "click")
        wait_for("an exercise", lambda: app.find(window, role="push button",
                                                 name="Check Answer", action="click"))
        time.sleep(0.5)
        checker.check("page: Practice exercise", window)
        do_action(app.find(window, role="push button", name="Stop", action="click"), "click")
        wait_for("the practice home", lambda: app.find(window, role="push button",
                                                       name="Start Exam", action="click"))
    step("page: Practice exercise", practice_exercise)

    def record_body_audit():
        tab("Readiness")
        button = app.find(window, role="push button", name="Record Audit…", action="click")
        if button is None:
            raise Failure("no Record Audit… button")
        open_dialog("dialog: Record a certification body audit",
                    lambda: do_action(button, "click"))
    step("dialog: Record a certification body audit", record_body_audit)

    def main_menu():
        button = app.find(window, role="push button", name="Main Menu", action="click")
        do_action(button, "click")
        menu = wait_for("the main menu", lambda: app.find(window, role="menu item"))
        checker.check("menu: Main menu", window)
        press(atspi, "Escape")
        return menu
    step("menu: Main menu", main_menu)

    def search():
        do_action(window, "win.search")
        time.sleep(0.3)
        type_text(atspi, "backup")
        wait_for("search results",
                 lambda: app.find(window, role="list", name="Search results")
                 and app.find(window, role="list item"))
        checker.check("page: Search results", window)
        press(atspi, "Escape")
        time.sleep(0.5)
    step("page: Search results", search)

    step("dialog: New audit",
         lambda: open_dialog("dialog: New audit", lambda: do_action(window, "win.new-audit")))
    step("dialog: Organisation",
         lambda: open_dialog("dialog: Organisation",
                             lambda: do_action(window, "win.organisation")))
    step("dialog: Keyboard shortcuts",
         lambda: open_dialog("dialog: Keyboard shortcuts",
                             lambda: do_action(window, "win.show-help-overlay")))
    step("dialog: Preferences",
         lambda: open_dialog("dialog: Preferences", lambda: press(atspi, "comma", CONTROL)))

    def about():
        button = app.find(window, role="push button", name="Main Menu", action="click")
        do_action(button, "click")
        item = wait_for("the About item",
                        lambda: app.find(window, role="menu item", name=re.compile(r".*About")))
        open_dialog("dialog: About", lambda: do_action(item, actions_of(item)[0]))
    step("dialog: About", about)

    def settle_conflicts():
        button = app.find(window, role="push button", name="Main Menu", action="click")
        do_action(button, "click")
        item = wait_for("the Settle Conflicts item",
                        lambda: app.find(window, role="menu item",
                                         name=re.compile(r"Settle Conflicts")))
        open_dialog("dialog: Settle conflicts", lambda: do_action(item, actions_of(item)[0]))
    step("dialog: Settle conflicts", settle_conflicts)

    def start_case_audit():
        button = app.find(window, role="push button", name="Main Menu", action="click")
        do_action(button, "click")
        item = wait_for("the Start a Case Audit item",
                        lambda: app.find(window, role="menu item",
                                         name=re.compile(r"Start a Case Audit")))
        open_dialog("dialog: Start a case audit", lambda: do_action(item, actions_of(item)[0]))
    step("dialog: Start a case audit", start_case_audit)

    # -- pages' own dialogs ---------------------------------------------------
    def new_action():
        tab("Actions")
        page = app.find(window, action="actions.new")
        open_dialog("dialog: New action", lambda: do_action(page, "actions.new"))
    step("dialog: New action", new_action)

    def new_review():
        tab("Reviews")
        page = app.find(window, action="reviews.new")
        open_dialog("dialog: New review", lambda: do_action(page, "reviews.new"))
    step("dialog: New review", new_review)

    # -- an audit's checklist and its dialogs ---------------------------------
    checklist = []

    def open_checklist():
        # The audit in progress: the issued one takes no edits, so its
        # dialogs would not open.
        checklist.append(visitor.open_checklist("page: Audit checklist",
                                                re.compile(r"Follow-up audit.*")))
    step("page: Audit checklist", open_checklist)

    def checklist_dialog(where, action, title=None):
        def fn():
            if not checklist:
                raise Failure("the checklist did not open")
            open_dialog(where, lambda: do_action(checklist[0], action), title)
        step(where, fn)

    def audit_menu():
        button = app.find(window, role="push button", name="Reports and audit status",
                          action="click")
        if button is None:
            raise Failure("no audit menu button")
        do_action(button, "click")
        wait_for("the audit menu", lambda: app.find(window, role="menu item"))
        checker.check("menu: Audit menu", window)
        press(atspi, "Escape")
    step("menu: Audit menu", audit_menu)

    def chart():
        if not checklist:
            raise Failure("the checklist did not open")
        button = app.find(window, role="push button", name="Results by clause group",
                          action="click")
        if button is None:
            raise Failure("no chart button")
        do_action(button, "click")
        wait_for("the chart", lambda: app.find(window, role="image",
                                               name="Results by clause group"))
        checker.check("popover: Results chart", window)
        # A picture of numbers must also say them: its description is the
        # text alternative, with every group's figures.
        charts = []
        app.walk(window, lambda acc, path: charts.append(acc)
                 if acc.name == "Results by clause group" and
                 acc.getRoleName() not in ("push button", "toggle button") else None)
        if not charts:
            checker.failures["popover: Results chart"].append("the chart is not exposed")
        for acc in charts:
            if not re.search(r"\d", acc.description or ""):
                checker.failures["popover: Results chart"].append(
                    "the chart (%s) has no text alternative with its data: desc=%r"
                    % (acc.getRoleName(), acc.description))
        press(atspi, "Escape")
    step("popover: Results chart", chart)

    checklist_dialog("dialog: Audit details", "checklist.details")
    checklist_dialog("dialog: Plan and meetings", "checklist.meetings")
    checklist_dialog("dialog: Finding editor", "checklist.raise-finding")
    checklist_dialog("dialog: Evidence", "checklist.add-evidence")
    checklist_dialog("dialog: History", "checklist.history")
    checklist_dialog("dialog: Export PDF", "checklist.export-audit")

    log("visited %d places in %.1f s" % (len(checker.visited), time.monotonic() - started))


def report(checker):
    total = 0
    places = MUST_VISIT + [p for p in checker.failures if p not in MUST_VISIT]
    for n, place in enumerate(places, 1):
        problems = checker.failures.get(place, [])
        visited = place in checker.visited
        ok = visited and not problems
        print("%s %d - %s" % ("ok" if ok else "not ok", n, place))
        if not visited:
            print("#   not visited")
        for line in problems:
            print("#   " + line)
        total += len(problems) + (0 if visited else 1)
    for reason, count in sorted(checker.allowed.items()):
        print("# allowed %d× : %s" % (count, reason))
    missing = [p for p in MUST_VISIT if p not in checker.visited]
    print("%s %d - every page and dialog visited%s"
          % ("not ok" if missing else "ok", len(places) + 1,
             "" if not missing else ": missing " + ", ".join(missing)))
    print("1..%d" % (len(places) + 1))
    print("# %d problems" % total)
    return 1 if total or missing else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--wm", default="openbox",
                        help="the window manager to start for the session")
    args = parser.parse_args()
    rerun_in_session()
    print("TAP version 13", flush=True)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
