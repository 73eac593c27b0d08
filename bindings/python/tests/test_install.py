"""pip installs the package from the source tree, offline (no index, no
build isolation), and the installed copy works."""
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import nmtest


class Install(unittest.TestCase):
    def test_pip_install_offline(self):
        # find_spec, not import: importing pip and setuptools here would
        # only clash over distutils, and pip runs in its own process below.
        missing = [m for m in ("pip", "setuptools", "wheel") if importlib.util.find_spec(m) is None]
        if missing:
            self.fail("this test needs %s for %s (Debian: apt-get install python3-pip)"
                      % (", ".join(missing), sys.executable))
        with tempfile.TemporaryDirectory() as tmp:
            # pip builds in the source directory (build/, *.egg-info): use a copy
            src = os.path.join(tmp, "src")
            shutil.copytree(nmtest.PY_SOURCE, src, ignore=shutil.ignore_patterns(
                "tests", "build", "*.egg-info", "__pycache__", "*.so*"))
            site = os.path.join(tmp, "site")
            env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1",
                       PIP_NO_CACHE_DIR="1")
            env.pop("PYTHONPATH", None)
            r = subprocess.run([sys.executable, "-m", "pip", "install", "--no-build-isolation",
                                "--no-deps", "--no-index", "--target", site, src],
                               env=env, capture_output=True, text=True, timeout=110)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            self.assertTrue(os.path.isfile(os.path.join(site, "newsmeta", "__init__.py")))
            self.assertTrue(os.path.isfile(os.path.join(site, "newsmeta", "py.typed")))
            env["PYTHONPATH"] = site
            code = ("import newsmeta, sys\n"
                    "a = newsmeta.parse_html(sys.stdin.buffer.read())\n"
                    "print(newsmeta.__file__)\n"
                    "print(a.headline)\n")
            r = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp,
                               input=nmtest.FULL_HTML.encode(), capture_output=True, timeout=60)
            self.assertEqual(r.returncode, 0, r.stderr.decode())
            where, headline = r.stdout.decode().splitlines()
            self.assertTrue(where.startswith(site), where)
            self.assertEqual(headline, "Harbour bridge reopens after repairs")


if __name__ == "__main__":
    unittest.main()
