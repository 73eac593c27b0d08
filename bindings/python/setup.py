"""The wheel's tags: the package bundles libnewsmeta.so.0 (copied in by
build-wheel.sh), a binary for one platform, but no extension module: it
loads the library with ctypes, so any Python 3 can use it. Hence
py3-none-<platform> instead of py3-none-any. Everything else is in
pyproject.toml."""
from setuptools import setup

try:
    from wheel.bdist_wheel import bdist_wheel

    class PlatformWheel(bdist_wheel):
        def finalize_options(self):
            super().finalize_options()
            self.root_is_pure = False  # a platform wheel: it holds a .so

        def get_tag(self):
            _, _, platform = super().get_tag()
            return "py3", "none", platform

    COMMANDS = {"bdist_wheel": PlatformWheel}
except ImportError:  # no wheel module: installing from source still works
    COMMANDS = {}

setup(cmdclass=COMMANDS)
