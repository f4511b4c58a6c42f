"""A living, deterministic demo centre, built through the same services the program uses
(`traumefokus demo`): above the services, beside the commands."""

from traumefokus.demo.centre import PASSWORD, DemoSummary, build_demo

__all__ = ["PASSWORD", "DemoSummary", "build_demo"]
