"""案件模型与它的值：案件、当事人、行为、措施，编号与名称的校验。

The case is in case.py, its vocabularies in kinds.py, the records it is made of in parts.py; their
names are given here, so ``casefile.model`` is what the rest of the code and the front ends import."""

from casefile.model.case import *  # noqa: F401,F403
