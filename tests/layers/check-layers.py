#!/usr/bin/env python3
"""The layers, read from the includes: every quoted include names its folder from the
project root (models/keys/keyservice.h), and each folder includes only what it may use.
The linker already keeps widgets out of models/; this also catches header-only reaches
(a gateway file including a portal header) that the linker never sees."""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..')
root = os.path.abspath(root)

# folder -> the folders its quoted includes may name (first match wins, longest first).
ALLOWED = {
    'models/domain': ('models/domain/',),
    'models/sqlite': ('models/sqlite/', 'models/domain/'),
    'models': ('models/',),
    'gateway': ('gateway/', 'models/domain/', 'models/sqlite/'),
    'ui': ('ui/', 'models/'),
    # The first stage (app/portalstart.h) shows the sign-in dialog with Qt Widgets alone.
    'app': ('app/portalstart.h', 'app/stages.h', 'app/stageloading.h', 'app/singleinstance.h', 'ui/settingskeys.h',
            'ui/shell/portalname.h', 'ui/signin/signindialog.h', 'ui/style/fontloading.h'),
    'app/portal': ('app/', 'ui/', 'models/'),
    'tests': ('tests/', 'models/', 'ui/', 'gateway/', 'app/'),
    # The key table benchmark's launcher loads its children as the portal's launcher loads a stage.
    'bench': ('bench/', 'tests/support/', 'models/', 'ui/', 'gateway/', 'app/stageloading.h'),
}
# Qt classes that belong to one layer only (DESIGN.md: ui never touches the network or SQL).
FORBIDDEN_SYSTEM = {
    'ui': ('QNetworkAccessManager', 'QSqlDatabase', 'QSqlQuery', 'qt6keychain'),
    'models': ('QWidget', 'QtWidgets', 'QDialog', 'QApplication'),
    'gateway': ('QWidget', 'QtWidgets'),
}
GENERATED = re.compile(r'(\.moc|^testconfig\.h|^ui_.*\.h)$')
include = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]', re.M)

problems = []
for top in ALLOWED:
    folder = os.path.join(root, top)
    for dirpath, _, files in os.walk(folder):
        rel_dir = os.path.relpath(dirpath, root)
        owner = max((f for f in ALLOWED if rel_dir == f or rel_dir.startswith(f + '/')), key=len)
        if owner != top:
            continue
        for name in sorted(files):
            if not name.endswith(('.cpp', '.h')):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding='utf-8') as source:
                text = source.read()
            for kind, target in include.findall(text):
                where = os.path.relpath(path, root)
                if kind == '<':
                    for bad in FORBIDDEN_SYSTEM.get(top.split('/')[0], ()):
                        if target.startswith(bad) or target.split('/')[-1] == bad:
                            problems.append(f'{where}: <{target}> does not belong in {top}/')
                    continue
                if GENERATED.search(target):
                    continue
                if not os.path.isfile(os.path.join(root, target)):
                    problems.append(f'{where}: "{target}" is not a path from the project root')
                elif not target.startswith(ALLOWED[owner]):
                    problems.append(f'{where}: {owner}/ may not include "{target}"')

for problem in problems:
    print(problem)
print(f'{len(problems)} layer problems')
sys.exit(1 if problems else 0)
