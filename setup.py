"""A build hook for the one thing pyproject.toml cannot say: ship the default catalog inside the package.

Curators edit `catalog/`, `rules/`, `corpus/` and `tests/scenarios/` at the top of the checkout (the design
card names them there). A wheel copies them into `nokrules/default_catalog/`, laid out as in the checkout, so
an installed nokrules works from any directory; `nokrules.core.catalog.default_root` finds either copy. An
editable install builds no copy: it reads the checkout, so a curator's edit counts at once.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ("catalog", "rules", "corpus", "tests/scenarios")


class BuildWithCatalog(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib, "nokrules", "default_catalog")
        shutil.rmtree(target, ignore_errors=True)  # a stale build/ must not keep a deleted entry
        for folder in SHIPPED:
            shutil.copytree(folder, target / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithCatalog})
