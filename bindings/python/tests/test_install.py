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


    def test_wheel_into_a_fresh_venv_offline(self):
        """build-wheel.sh makes a platform wheel holding the library; pip
        installs it offline into a new venv, whose Python then parses a file
        with the bundled library (no NEWSMETA_LIBRARY, no PYTHONPATH)."""
        lib = os.environ.get("NEWSMETA_LIBRARY")
        if not lib:
            self.skipTest("NEWSMETA_LIBRARY is not set (run by ctest after a build)")
        if importlib.util.find_spec("venv") is None or importlib.util.find_spec("ensurepip") is None:
            self.fail("this test needs venv with ensurepip for %s (Debian: apt-get install "
                      "python3-venv)" % sys.executable)
        script = os.path.join(nmtest.PY_SOURCE, "build-wheel.sh")
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1",
                       PIP_NO_CACHE_DIR="1", PYTHON=sys.executable)
            for var in ("PYTHONPATH", "NEWSMETA_LIBRARY"):
                env.pop(var, None)
            r = subprocess.run(["bash", script, os.path.dirname(lib), os.path.join(tmp, "dist")],
                               env=env, capture_output=True, text=True, timeout=300)
            self.assertEqual(r.returncode, 0, r.stderr)
            wheel = r.stdout.strip().splitlines()[-1]
            self.assertRegex(os.path.basename(wheel), r"^newsmeta_c-[0-9.]+-py3-none-linux_\w+\.whl$")
            venv = os.path.join(tmp, "venv")
            r = subprocess.run([sys.executable, "-m", "venv", venv], capture_output=True,
                               text=True, timeout=300)
            self.assertEqual(r.returncode, 0, r.stderr)
            py = os.path.join(venv, "bin", "python")
            r = subprocess.run([py, "-m", "pip", "install", "--no-index", "--no-deps", wheel],
                               env=env, capture_output=True, text=True, timeout=300)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            page = os.path.join(tmp, "page.html")
            with open(page, "w", encoding="utf-8") as f:
                f.write(nmtest.FULL_HTML)
            code = ("import newsmeta, sys\n"
                    "print(newsmeta.library_path())\n"
                    "print(newsmeta.parse_file(sys.argv[1]).headline)\n")
            r = subprocess.run([py, "-c", code, page], env=env, cwd=tmp, capture_output=True,
                               text=True, timeout=60)
            self.assertEqual(r.returncode, 0, r.stderr)
            where, headline = r.stdout.splitlines()
            self.assertTrue(where.startswith(venv), where)
            self.assertEqual(headline, "Harbour bridge reopens after repairs")

if __name__ == "__main__":
    unittest.main()
