"""casefile 的领域层：案件模型、工作区、文书导入与抽取、案卷组装、全过程记录、期限计算、公示。

This package must never import ``textual``, ``tui``, ``index`` or ``checklists``
(see DESIGN.md); ``tests/test_layering.py`` enforces it.
"""

__version__ = "0.1.0"
