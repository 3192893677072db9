"""nbval settings for the notebooks: stderr (warnings, progress) is not compared."""


def pytest_collectstart(collector):
    if getattr(collector, "path", None) is not None and collector.path.suffix == ".ipynb":
        collector.skip_compare = (*collector.skip_compare, "stderr")
