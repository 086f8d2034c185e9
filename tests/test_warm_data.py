"""A warm kernel keeps the parsed data package, the frames derived from it and the index of
its sources between notebooks (issue 23): what it keeps must never outlive the data it
came from, and no caller may change what the next one gets."""

from __future__ import annotations

import os

from helpers import edit_cell

from ipdossier import derive
from ipdossier import notebook as nb


def ctx(**params):
    return nb.setup(renderer="json", **params)


def _same_size_edit(path, row_key, column, old, new):
    """Edit a cell to a value of the same length and give the file back its old times:
    what a quick correction, `cp -p` or an archive restored can leave."""
    assert len(old.encode()) == len(new.encode())
    stat = path.stat()
    edit_cell(path, row_key, column, new)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)


def test_a_warm_process_sees_new_data_of_the_same_size_and_time(data_copy, monkeypatch):
    monkeypatch.setenv("IPDOSSIER_DATA", str(data_copy))
    title = "国务院关于印发“十三五”国家知识产权保护和运用规划的通知"
    first = ctx(language="zh")
    assert title in nb.cite_link("gov-cn-guofa-2016-86", "zh")
    plan = derive.policies(first).set_index("policy_id").loc["fyp13-ip", "title"]

    _same_size_edit(
        data_copy / "sources.csv",
        "gov-cn-guofa-2016-86",
        "title",
        title,
        title.replace("国务院", "测试院"),
    )
    _same_size_edit(data_copy / "policies.csv", "fyp13-ip", "title", plan, "X" + plan[1:])

    again = ctx(language="zh")
    assert "测试院关于印发" in nb.cite_link("gov-cn-guofa-2016-86", "zh")
    assert derive.policies(again).set_index("policy_id").loc["fyp13-ip", "title"] == "X" + plan[1:]
    # The run that loaded the old data keeps reading it: one run, one version.
    assert derive.policies(first).set_index("policy_id").loc["fyp13-ip", "title"] == plan


def test_derived_frames_are_handed_out_as_copies():
    c = ctx()
    ind = derive.indicators(c)
    ind["name"] = "changed"
    progress = derive.progress(c)
    progress.loc[:, "status"] = "changed"
    assert "changed" not in set(derive.indicators(c)["name"])
    assert "changed" not in set(derive.progress(c)["status"])


def test_kept_lists_series_and_tables_are_handed_out_as_copies():
    # The ids, the event's row and the package's tables are kept too (issue 23): a caller
    # that changes its copy must not change the next caller's.
    c = ctx()
    ids = derive.event_ids(c)
    ids.append("changed")
    event = derive.event(c)
    event["name"] = "changed"
    table = c.dossier.events
    table.loc[:, "name"] = "changed"
    assert "changed" not in derive.event_ids(c)
    assert derive.event(c)["name"] != "changed"
    assert "changed" not in set(c.dossier.events["name"])


def test_the_chart_template_is_made_once_and_put_back_when_changed():
    import plotly.io as pio

    from ipdossier import theme

    ctx()
    kept = pio.templates[theme.NAME]
    ctx()
    assert pio.templates[theme.NAME] is kept
    pio.templates.default = "plotly"
    ctx()
    assert pio.templates.default == theme.NAME


def test_derived_frames_follow_the_parameters():
    everything = derive.indicators(ctx())
    hebei = derive.indicators(ctx(jurisdiction="Hebei"))
    chinese = derive.indicators(ctx(language="zh"))
    assert set(hebei["jurisdiction"]) == {"Hebei"} and len(hebei) < len(everything)
    assert list(chinese["name"]) == list(everything["name_zh"])
    assert list(derive.indicators(ctx())["name"]) == list(everything["name_en"])


def test_the_kernels_preload_runs_and_parses_every_table(monkeypatch):
    # A pre-started kernel runs PRELOAD ignoring its outcome: a broken one would only
    # make every first chapter slower, silently.
    from ipdossier import data
    from ipdossier.pipeline.stages import PRELOAD

    monkeypatch.setattr(data, "_PARSED", {})  # as in a new kernel: nothing parsed yet
    exec(PRELOAD, {})
    dossier = data.load()
    assert set(dossier._tables) == set(dossier.resource_names)


def test_a_reset_kernel_records_no_run_for_the_next_notebook():
    # A warm kernel runs one notebook after another: the run records of the first (its
    # parameters and data) must not stamp the cells of the next.
    import asyncio

    from jupyter_client import AsyncKernelManager

    from ipdossier.pipeline.kernels import fresh_namespace

    async def outputs_of(kc, code):
        msg_id = kc.execute(code)
        seen = []
        while True:
            msg = await kc.get_iopub_msg(timeout=60)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "display_data":
                seen.append(msg["content"].get("metadata", {}))
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return seen

    async def run():
        km = AsyncKernelManager(kernel_name="python3")
        await km.start_kernel()
        kc = km.client()
        kc.start_channels()
        try:
            await kc.wait_for_ready(timeout=60)
            code = "from ipdossier import notebook as nb\nnb._record_runs({'language': 'zh'}, 'v1')"
            await outputs_of(kc, code)
            before = await outputs_of(kc, "x = 1")
            await fresh_namespace(kc)
            after = await outputs_of(kc, "y = 2")
            return before, after
        finally:
            kc.stop_channels()
            await km.shutdown_kernel(now=True)

    before, after = asyncio.run(run())
    assert any(nb.RUN_RECORD in m for m in before)  # recording was on
    assert not any(nb.RUN_RECORD in m for m in after), after


def test_the_warm_engine_clears_the_namespace_between_notebooks(tmp_path):
    # Through papermill and the build's own engine, as a build runs notebooks: papermill
    # drives nbclient's synchronous `setup_kernel`, which calls the class attribute
    # `start_new_kernel_client`; an override of the async method alone never ran, so for
    # a week every warm kernel kept the previous notebook's variables and run records.
    import nbformat
    import papermill as pm

    from ipdossier.pipeline.kernels import ENGINE, KernelPool

    def notebook(name, source):
        path = tmp_path / name
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)]), path)
        return path

    first = notebook("first.ipynb", "leftover = 'from the first notebook'")
    second = notebook("second.ipynb", "print('leftover' in dir())")
    pool = KernelPool(tmp_path)
    try:
        for path in (first, second):
            km = pool.acquire()
            pm.execute_notebook(
                str(path), str(path), engine_name=ENGINE, km=km, kernel_name=pool.kernel_name,
                progress_bar=False,
            )
            pool.release(km)
        assert pool.started == 1  # one warm kernel ran both
    finally:
        pool.close()
    out = nbformat.read(second, as_version=4).cells[0].outputs
    assert out and out[0]["text"].strip() == "False", out


def test_a_warm_kernel_keeps_what_it_loaded_out_of_the_collectors_view(tmp_path):
    # `%reset` ends with a full garbage collection, and a notebook's allocations trigger
    # more: without `gc.freeze` each walks every object of pandas, plotly and the package
    # the kernel preloaded (0.17 s a reset). The preload and each reset freeze them.
    import nbformat
    import papermill as pm

    from ipdossier.pipeline.kernels import ENGINE, KernelPool
    from ipdossier.pipeline.stages import PRELOAD

    path = tmp_path / "count.ipynb"
    source = "import gc\nprint(gc.get_freeze_count(), 'kept' in dir())"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)]), path)
    pool = KernelPool(tmp_path)
    counts = []
    try:
        pool.prestart(1, preload=PRELOAD + "\nkept = [object() for _ in range(1000)]")
        for _ in range(2):
            km = pool.acquire()
            pm.execute_notebook(
                str(path), str(path), engine_name=ENGINE, km=km, kernel_name=pool.kernel_name,
                progress_bar=False,
            )
            pool.release(km)
            counts.append(nbformat.read(path, as_version=4).cells[0].outputs[0]["text"].split())
        assert pool.started == 1
    finally:
        pool.close()
    # The package's objects are frozen; the namespace is still cleared.
    assert all(int(count) > 100_000 and kept == "False" for count, kept in counts), counts


def test_a_build_kernel_writes_no_input_history(tmp_path):
    # IPython writes every cell a kernel runs into one SQLite file under $IPYTHONDIR; a
    # build's kernels ran thousands of cells into it on every scheduled run (35 MB here).
    import nbformat
    import papermill as pm

    from ipdossier.pipeline.kernels import ENGINE, KernelPool

    home = tmp_path / "ipython"
    path = tmp_path / "history.ipynb"
    source = "print(get_ipython().history_manager.enabled)"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)]), path)
    pool = KernelPool(tmp_path, env={"IPYTHONDIR": str(home)})
    try:
        km = pool.acquire()
        pm.execute_notebook(
            str(path), str(path), engine_name=ENGINE, km=km, kernel_name=pool.kernel_name,
            progress_bar=False,
        )  # fmt: skip
        pool.release(km)
    finally:
        pool.close()
    assert nbformat.read(path, as_version=4).cells[0].outputs[0]["text"].strip() == "False"
    assert not list(home.rglob("history.sqlite"))
