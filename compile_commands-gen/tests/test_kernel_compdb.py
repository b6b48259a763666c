#!/usr/bin/env python3
"""Golden tests of kernel-compdb on kbuild output recorded from 6.12 trees.

The recordings in data/ were made on x86_64 defconfig trees of Debian's
linux-source-6.12 (see data/README.md), so these tests need no kernel tree.
Set KERNEL_COMPDB_REGEN=1 to rewrite the expected .json files after an
intended change, then review the diff.
"""

import contextlib
import importlib.util
import io
import json
import os
import sys
import tempfile
import unittest
from importlib.machinery import SourceFileLoader
from unittest import mock

sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, 'data')
SCRIPT = os.path.join(os.path.dirname(HERE), 'kernel-compdb')
REGEN = os.environ.get('KERNEL_COMPDB_REGEN') == '1'

# Where the recordings were made.
SRCTREE = '/var/tmp/fputcheck/linux-source-6.12'
CLANG_OBJTREE = '/var/tmp/fputcheck/exp-o'
GCC_OBJTREE = '/var/tmp/fputcheck/exp-gcc'


def load_kernel_compdb():
    """Import the kernel-compdb script (it has no .py suffix) as a module."""
    loader = SourceFileLoader('kernel_compdb', SCRIPT)
    spec = importlib.util.spec_from_loader('kernel_compdb', loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


kc = load_kernel_compdb()


def read_data(name):
    """Return the text of a recorded file."""
    with open(os.path.join(DATA, name), encoding='utf-8') as handle:
        return handle.read()


def write_file(path, text=''):
    """Create a file of the fake tree."""
    with open(path, 'w', encoding='utf-8') as handle:
        handle.write(text)


def arguments_of(entries, suffix):
    """Return the arguments of the single entry whose file ends with suffix."""
    found = [e for e in entries if e['file'].endswith(suffix)]
    assert len(found) == 1, (suffix, [e['file'] for e in entries])
    return found[0]['arguments']


class GoldenTestCase(unittest.TestCase):
    """Compares databases with the expected .json files in data/."""

    def assert_golden(self, entries, expected_name):
        """Check entries against data/expected_name (rewrite it in REGEN)."""
        text = kc.format_database(entries)
        path = os.path.join(DATA, expected_name)
        if REGEN:
            with open(path, 'w', encoding='utf-8') as handle:
                handle.write(text)
        self.maxDiff = None
        self.assertEqual(read_data(expected_name), text)


class MakeDryRunTest(GoldenTestCase):
    """Parsing `make -n` output recorded with the KCFLAGS marker."""

    def clang_o_entries(self):
        """The O= clang recording of `make -n fs/exportfs/ fs/autofs/`."""
        raw = kc.parse_make_output(read_data('make-n-O-clang.txt'),
                                   CLANG_OBJTREE)
        return kc.sanitize_entries(raw)

    def test_o_build_clang(self):
        entries, dropped = self.clang_o_entries()
        self.assert_golden(entries, 'make-n-O-clang.json')
        self.assertEqual(dropped,
                         {'-Wp,-MMD dependency outputs': len(entries)})
        for entry in entries:
            self.assertEqual(entry['directory'], CLANG_OBJTREE)
            self.assertEqual(entry['arguments'][0], 'clang-19')
            self.assertNotIn(kc.DRYRUN_MARKER, entry['arguments'])
            self.assertFalse([a for a in entry['arguments']
                              if a.startswith('-Wp,-MMD')])

    def test_o_build_keeps_only_kernel_c_compiles(self):
        """HOSTCC objects, asm-offsets.s and objtool compiles are left out."""
        entries, _ = self.clang_o_entries()
        files = [os.path.relpath(e['file'], SRCTREE) for e in entries]
        self.assertIn('fs/exportfs/expfs.c', files)
        self.assertIn('fs/autofs/root.c', files)
        self.assertFalse([f for f in files
                          if f.startswith(('tools/', 'scripts/mod/modpost',
                                           'arch/x86/kernel/asm-offsets'))])

    def test_set_e_wrapper_is_cut_open(self):
        """The recipe line holds echo, traps, fixdep and a redirection too."""
        lines = read_data('make-n-O-clang.txt').splitlines()
        line = next(text for text in lines if text.startswith('set -e;')
                    and 'fs/autofs/inode.o' in text)
        commands = kc.shell_commands(line)
        self.assertEqual([c[0] for c in commands],
                         ['set', 'echo'] + ['trap'] * 5
                         + ['clang-19', 'scripts/basic/fixdep', 'rm'])
        entries = kc.parse_make_output(line, CLANG_OBJTREE)
        self.assertEqual([e['output'] for e in entries], ['fs/autofs/inode.o'])
        self.assertIn('-DKBUILD_MODNAME="autofs4"', entries[0]['arguments'])

    def test_subdir_restriction(self):
        entries, _ = self.clang_o_entries()
        kept = kc.restrict_to_subdirs(entries, [SRCTREE, CLANG_OBJTREE],
                                      ['fs/autofs'])
        self.assert_golden(kept, 'make-n-O-clang.fs-autofs.json')
        self.assertTrue(kept)
        self.assertTrue(all('/fs/autofs/' in e['file'] for e in kept))
        self.assertEqual(
            kc.restrict_to_subdirs(entries, [SRCTREE], ['fs/auto']), [])

    def test_gcc_tree_with_plugins(self):
        raw = kc.parse_make_output(read_data('make-n-O-gcc-plugins.txt'),
                                   GCC_OBJTREE)
        self.assertEqual(raw[0]['arguments'][0], 'gcc')
        self.assertIn('-fplugin=./scripts/gcc-plugins/stackleak_plugin.so',
                      raw[0]['arguments'])
        gcc_only = kc.load_gcc_only_flags()
        entries, dropped = kc.sanitize_entries(raw, gcc_only)
        self.assert_golden(entries, 'make-n-O-gcc-plugins.json')
        args = arguments_of(entries, 'fs/exportfs/expfs.c')
        self.assertEqual(args[0], 'clang-19')
        for gone in ('-fconserve-stack', '-fno-allow-store-data-races',
                     '-mindirect-branch-register', '-Werror',
                     '-DLATENT_ENTROPY_PLUGIN', '-DSTACKLEAK_PLUGIN'):
            self.assertNotIn(gone, args)
        self.assertFalse([a for a in args if a.startswith(
            ('-fplugin', '-mpreferred-stack-boundary', '-Wp,'))])
        # Two entries: expfs.c and prepare's scripts/mod/empty.c.
        self.assertEqual(len(entries), 2)
        self.assertEqual(dropped['plugin flags'], 4 * 2)
        self.assertEqual(dropped['plugin macros'], 2 * 2)
        self.assertEqual(dropped['GCC-only -fconserve-stack'], 2)
        self.assertIn('-mfunction-return=thunk-extern', args)

    def test_in_tree_build(self):
        """In-tree builds print relative paths; files become absolute."""
        raw = kc.parse_make_output(read_data('make-n-intree-clang.txt'),
                                   SRCTREE)
        entries, _ = kc.sanitize_entries(raw)
        self.assert_golden(entries, 'make-n-intree-clang.json')
        self.assertEqual(arguments_of(entries, 'fs/exportfs/expfs.c')[-1],
                         'fs/exportfs/expfs.c')
        self.assertIn(SRCTREE + '/fs/exportfs/expfs.c',
                      [e['file'] for e in entries])


class CmdFileTest(GoldenTestCase):
    """Reading the .*.o.cmd files of a previous real build."""

    def cmd_entries(self, name, objtree):
        """Parse every .cmd file recorded under data/name as if in objtree."""
        raw = []
        for path in kc.find_cmd_files(os.path.join(DATA, name)):
            with open(path, encoding='utf-8') as handle:
                raw.extend(kc.parse_cmd_file(handle.read(), objtree))
        return kc.sanitize_entries(raw)[0]

    def test_discovery_skips_tools(self):
        root = os.path.join(DATA, 'cmd-O-clang')
        found = [os.path.relpath(p, root) for p in kc.find_cmd_files(root)]
        self.assertEqual(found, ['arch/x86/lib/.memcpy_64.o.cmd',
                                 'fs/exportfs/.expfs.o.cmd',
                                 'scripts/kconfig/.conf.o.cmd'])

    def test_o_build(self):
        """Assembler (.S) and host objects are skipped; the dry run agrees."""
        entries = self.cmd_entries('cmd-O-clang', CLANG_OBJTREE)
        self.assert_golden(entries, 'cmd-O-clang.json')
        self.assertEqual([e['file'] for e in entries],
                         [SRCTREE + '/fs/exportfs/expfs.c'])
        dry_run, _ = kc.sanitize_entries(kc.parse_make_output(
            read_data('make-n-O-clang.txt'), CLANG_OBJTREE))
        self.assertEqual(entries[0]['arguments'],
                         arguments_of(dry_run, 'fs/exportfs/expfs.c'))

    def test_in_tree_build(self):
        entries = self.cmd_entries('cmd-intree-clang', SRCTREE)
        self.assert_golden(entries, 'cmd-intree-clang.json')
        dry_run, _ = kc.sanitize_entries(kc.parse_make_output(
            read_data('make-n-intree-clang.txt'), SRCTREE))
        self.assertEqual(entries, [e for e in dry_run
                                   if e['file'].endswith('/expfs.c')])

    def test_make_escapes_are_undone(self):
        text = ('savedcmd_a.o := clang-19 -D__KERNEL__ -DX=\'"$$(pound)"\' '
                '-c -o a.o a.c\n')
        entries = kc.parse_cmd_file(text, '/b')
        self.assertEqual(entries[0]['arguments'][2], '-DX="$#"')


class SanitiseTest(unittest.TestCase):
    """Argument sanitising, on synthetic command lines."""

    def sanitize(self, argv, gcc_only=()):
        """Return the sanitised argv and the drop counts."""
        dropped = kc.collections.Counter()
        return kc.sanitize_arguments(argv, dropped, gcc_only), dropped

    def test_clang_plugins(self):
        args, dropped = self.sanitize(
            ['clang', '-Xclang', '-load', '-Xclang', 'p.so', '-O2',
             '-Xclang', '-add-plugin', '-Xclang', 'p',
             '-Xclang', '-plugin-arg-p', '-Xclang', 'v',
             '-fpass-plugin=q.so', '-Xclang', '-fno-pch-timestamp',
             '-Wp,-MD,a.d', '-c', 'a.c'])
        self.assertEqual(args, ['clang-19', '-O2', '-Xclang',
                                '-fno-pch-timestamp', '-c', 'a.c'])
        self.assertEqual(dropped, {'plugin flags': 4,
                                   '-Wp,-MMD dependency outputs': 1})

    def test_gcc_only_prefixes(self):
        flags = ['-mpreferred-stack-boundary=', '-Wno-stringop-*',
                 '-fconserve-stack']
        args, _ = self.sanitize(
            ['gcc', '-mpreferred-stack-boundary=3', '-Wno-stringop-overflow',
             '-fconserve-stack', '-fconserve-stack-x', '-Wno-stringop'], flags)
        self.assertEqual(args, ['clang-19', '-fconserve-stack-x',
                                '-Wno-stringop'])

    def test_flag_file_entries_are_clean(self):
        flags = kc.load_gcc_only_flags()
        self.assertIn('-fconserve-stack', flags)
        self.assertIn('-mrecord-mcount', flags)
        self.assertFalse([f for f in flags if ' ' in f or '#' in f])

    def test_non_kernel_commands(self):
        for argv in (['clang-19', '-c', '-o', 'a.o', 'a.c'],
                     ['clang-19', '-D__KERNEL__', '-E', '-o', 'a.i', 'a.c'],
                     ['clang-19', '-D__KERNEL__', '-c', '-o', 'a.o', 'a.S'],
                     ['ld.lld-19', '-D__KERNEL__', '-c', '-o', 'a.o', 'a.c']):
            self.assertIsNone(kc.make_entry(argv, '/b'), argv)
        entry = kc.make_entry(['ccache', 'gcc', '-D__KERNEL__', '-include',
                               'x.c', '-c', '-o', 'a.o', 'a.c'], '/b')
        self.assertEqual((entry['file'], entry['arguments'][0]),
                         ('/b/a.c', 'gcc'))

    def test_unbalanced_quote_is_an_error(self):
        with self.assertRaises(ValueError):
            kc.shell_commands("clang -D'x -c a.c")


FAKE_MAKE = """#!/bin/sh
# Stands in for make: logs its arguments, "prepares" the headers, fails on
# request, or prints a canned dry run.
echo "$*" >> "$FAKE_MAKE_LOG"
case " $* " in
*" single-targets="*)
    # kbuild asked for single files: FAKE_RULES lists those it can make
    # (a dry run only says what it would make);
    # fs/gen.h includes another generated header, fs/b.c a missing one.
    dry=; skip=
    case " $* " in *" -n "*) dry=1 ;; esac
    for goal; do
        [ -n "$skip" ] && { skip=; continue; }
        case $goal in -C) skip=1; continue ;; -*|*=*) continue ;; esac
        case " $FAKE_RULES " in
        *" $goal "*) [ -n "$dry" ] && { echo "  GEN     $goal"; continue; }
                     case $goal in
                     fs/gen.h) echo '#include "gen2.h"' ;;
                     fs/b.c) echo '#include "nothere.h"' ;;
                     esac > "$FAKE_TREE/$goal" ;;
        *) echo "make[3]: *** No rule to make target '$goal'." ;;
        esac
    done
    exit 0 ;;
*" fs/a.o "*)
    # A kbuild without single targets for files: the object's rule makes
    # its prerequisites (and the object).
    echo '#include "gen2.h"' > "$FAKE_TREE/fs/gen.h"
    touch "$FAKE_TREE/fs/gen2.h" "$FAKE_TREE/fs/b.c" "$FAKE_TREE/fs/a.o" \\
          "$FAKE_TREE/fs/b.o"
    exit 0 ;;
*" prepare "*)
    mkdir -p "$FAKE_TREE/include/generated"
    touch "$FAKE_TREE/include/generated/autoconf.h" \\
          "$FAKE_TREE/include/generated/asm-offsets.h"
    echo "  fake prepare"; exit 0 ;;
esac
if [ -n "$FAKE_MAKE_FAIL" ]; then
    echo "  CC      fs/a.o"; echo "make: *** [fs/a.o] Error 1" >&2; exit 2
fi
cat "$FAKE_MAKE_OUTPUT"
"""

FAKE_DRY_RUN = (
    "set -e;  echo '  CC      fs/a.o'; clang-19 -Wp,-MMD,fs/.a.o.d -nostdinc "
    "-D__KERNEL__ -DKBUILD_MODNAME='\"a\"' -D__KERNEL_COMPDB_DRYRUN__ -c "
    "-o fs/a.o fs/a.c  ; scripts/basic/fixdep fs/.a.o.d fs/a.o 'clang-19 ...'"
    " > fs/.a.o.cmd; rm -f fs/.a.o.d\n"
    "clang-19 -Wp,-MMD,fs/.b.o.d -D__KERNEL__ -c -o fs/b.o fs/b.c\n")


# Stands in for clang-19 -E: follows #include "x" next to the including file
# and fails on the first one missing, as clang words it.
FAKE_PREPROCESSOR = """#!/usr/bin/env python3
import os, re, sys
def preprocess(path):
    with open(path) as handle:
        text = handle.read()
    for name in re.findall(r'#include "([^"]+)"', text):
        included = os.path.join(os.path.dirname(path), name)
        if not os.path.exists(included):
            sys.stderr.write(f"{path}:1:10: fatal error: '{name}' "
                             "file not found\\n")
            sys.exit(1)
        preprocess(included)
    if '#error' in text:
        sys.stderr.write(f'{path}:1:2: error: boom\\n')
        sys.exit(1)
preprocess(sys.argv[-1])
"""


class CommandLineTest(unittest.TestCase):
    """The whole program on a fake tree with a fake make: no kernel needed."""

    def setUp(self):
        # pylint: disable-next=consider-using-with
        self.tmp = tempfile.TemporaryDirectory()
        self.tree = os.path.join(self.tmp.name, 'linux')
        self.bin = os.path.join(self.tmp.name, 'bin')
        for path in ('scripts/kconfig', 'fs'):
            os.makedirs(os.path.join(self.tree, path))
        os.makedirs(self.bin)
        for name in ('Makefile', 'fs/a.c'):
            write_file(os.path.join(self.tree, name))
        self.write_tool('make', FAKE_MAKE)
        self.write_tool('clang', '#!/bin/sh\necho "fake clang 19"\n')
        self.output = os.path.join(self.tmp.name, 'dry-run.txt')
        write_file(self.output, FAKE_DRY_RUN)
        self.log = os.path.join(self.tmp.name, 'make.log')
        self.environ = mock.patch.dict(os.environ, {
            'PATH': self.bin + os.pathsep + os.environ['PATH'],
            'FAKE_MAKE_LOG': self.log, 'FAKE_TREE': self.tree,
            'FAKE_MAKE_OUTPUT': self.output})
        self.environ.start()
        os.environ.pop('KBUILD_OUTPUT', None)
        os.environ.pop('KCFLAGS', None)

    def tearDown(self):
        self.environ.stop()
        self.tmp.cleanup()

    def write_tool(self, name, text):
        """Put an executable script on the fake PATH."""
        path = os.path.join(self.bin, name)
        write_file(path, text)
        os.chmod(path, 0o755)

    def configure(self, version_text='fake clang 19'):
        """Write a .config for a clang tree."""
        write_file(os.path.join(self.tree, '.config'),
                   f'CONFIG_CC_VERSION_TEXT="{version_text}"\n'
                   'CONFIG_CC_IS_CLANG=y\n')

    def run_main(self, *extra):
        """Run main() on the fake tree; return its status and stderr text."""
        stderr = io.StringIO()
        argv = ['-C', self.tree, '--llvm', self.bin + '/'] + list(extra)
        with contextlib.redirect_stderr(stderr):
            status = kc.main(argv)
        return status, stderr.getvalue()

    def make_calls(self):
        """Return the argument lines the fake make was called with."""
        with open(self.log, encoding='utf-8') as handle:
            return handle.read().splitlines()

    def test_dry_run_with_prepare(self):
        self.configure()
        status, err = self.run_main()
        self.assertEqual(status, 0, err)
        self.assertIn(f'running: make -C {self.tree} LLVM={self.bin}/ -j', err)
        prepare, dry_run = self.make_calls()
        self.assertTrue(prepare.endswith(' prepare'))
        self.assertEqual(dry_run, f'-C {self.tree} LLVM={self.bin}/ -n '
                         f'KCFLAGS={kc.DRYRUN_MARKER} ./')
        self.assertIn('skipped 1 generated sources', err)
        with open(os.path.join(self.tree, 'compile_commands.json'),
                  encoding='utf-8') as handle:
            database = json.load(handle)
        self.assertEqual(database, [{
            'directory': self.tree, 'file': self.tree + '/fs/a.c',
            'arguments': ['clang-19', '-nostdinc', '-D__KERNEL__',
                          '-DKBUILD_MODNAME="a"', '-c', '-o', 'fs/a.o',
                          'fs/a.c'],
            'output': 'fs/a.o'}])

    def generate(self, makefile):
        """Run --generate on a tree whose fs/a.c includes a generated
        header; return its status, stderr and the make calls."""
        self.configure()
        write_file(os.path.join(self.tree, 'Makefile'), makefile)
        write_file(os.path.join(self.tree, 'fs/a.c'), '#include "gen.h"\n')
        write_file(os.path.join(self.tree, 'fs/c.c'), '#error\n')
        with open(self.output, 'a', encoding='utf-8') as handle:
            handle.write('clang-19 -D__KERNEL__ -c -o fs/c.o fs/c.c\n')
        self.write_tool('clang-19', FAKE_PREPROCESSOR)
        os.environ['FAKE_RULES'] = 'fs/gen.h fs/gen2.h fs/b.c'
        status, err = self.run_main('--generate', '-j', '1')
        return status, err, self.make_calls()

    def test_generate_asks_kbuild_for_the_missing_files(self):
        status, err, calls = self.generate(
            'single-targets := %.a %.i %.o %/\n')
        self.assertEqual(status, 0, err)
        for path in ('fs/gen.h', 'fs/gen2.h', 'fs/b.c'):
            self.assertTrue(os.path.exists(os.path.join(self.tree, path)))
        patterns = 'single-targets=%.a %.i %.o %/'
        # Round 1: every place gen.h could be, and b.c.  Round 2: gen.h
        # includes gen2.h; b.c a file nobody makes.
        self.assertEqual(calls[2:], [
            f'-C {self.tree} LLVM={self.bin}/ -j1 -k {patterns} fs/gen.h '
            'gen.h fs/b.c fs/gen.h gen.h fs/b.c',
            f'-C {self.tree} LLVM={self.bin}/ -j1 -k {patterns} fs/gen2.h '
            'gen2.h fs/nothere.h nothere.h fs/gen2.h gen2.h fs/nothere.h '
            'nothere.h'])
        self.assertIn('kbuild made 3 generated files: fs/b.c fs/gen.h '
                      'fs/gen2.h', err)
        self.assertIn('warning: 1 TUs miss nothere.h, which kbuild cannot '
                      'make (first: fs/b.c)', err)
        self.assertIn('1 TUs do not preprocess for other reasons (first: '
                      'fs/c.c:1:2: error: boom)', err)
        with open(os.path.join(self.tree, 'compile_commands.json'),
                  encoding='utf-8') as handle:
            files = [e['file'] for e in json.load(handle)]
        self.assertEqual(files, [self.tree + '/fs/' + name
                                 for name in ('a.c', 'b.c', 'c.c')])

    def test_generate_without_single_targets_makes_the_objects(self):
        status, err, calls = self.generate('# an old kbuild\n')
        self.assertEqual(status, 0, err)
        self.assertEqual(calls[2], f'-C {self.tree} LLVM={self.bin}/ -j1 -k '
                                   'fs/a.o fs/b.o')
        self.assertIn('kbuild made 2 objects, and with them the generated '
                      'files they need: fs/a.o fs/b.o', err)

    def test_failing_make_shows_its_last_lines(self):
        self.configure()
        os.environ['FAKE_MAKE_FAIL'] = '1'
        status, err = self.run_main('fs')
        self.assertEqual(status, 2)
        self.assertIn(f'-n KCFLAGS={kc.DRYRUN_MARKER} fs/" failed (exit 2)',
                      err)
        self.assertIn('make: *** [fs/a.o] Error 1', err)

    def test_other_compiler_is_refused(self):
        """Running make with another compiler would reconfigure the tree."""
        self.configure('clang version 14')
        status, err = self.run_main()
        self.assertEqual(status, 2)
        self.assertIn('"clang version 14"', err)
        self.assertFalse(os.path.exists(self.log))

    def test_previous_build_means_cmd_files(self):
        self.configure()
        write_file(os.path.join(self.tree, 'vmlinux.a'))
        write_file(os.path.join(self.tree, 'fs', '.a.o.cmd'),
                   'savedcmd_fs/a.o := clang-19 -Wp,-MMD,fs/.a.o.d '
                   '-D__KERNEL__ -c -o fs/a.o fs/a.c\n')
        out = os.path.join(self.tmp.name, 'db.json')
        status, err = self.run_main('-o', out)
        self.assertEqual(status, 0, err)
        self.assertIn('reading the .cmd files', err)
        self.assertFalse(os.path.exists(self.log))
        with open(out, encoding='utf-8') as handle:
            self.assertEqual(len(json.load(handle)), 1)

    def test_missing_tree(self):
        status, err = self.run_main()
        self.assertEqual(status, 2)
        self.assertIn(self.tree + '/.config not found', err)
        self.assertIn(f'make -C {self.tree} LLVM=-19 defconfig', err)
        os.remove(os.path.join(self.tree, 'Makefile'))
        status, err = self.run_main()
        self.assertEqual(status, 2)
        self.assertIn('no kernel source tree at ' + self.tree, err)

    def test_help(self):
        stdout = io.StringIO()
        with contextlib.redirect_stdout(stdout), \
                self.assertRaises(SystemExit) as exit_:
            kc.main(['--help'])
        self.assertEqual(exit_.exception.code, 0)
        self.assertIn('--from-cmd-files', stdout.getvalue())


if __name__ == '__main__':
    unittest.main()
