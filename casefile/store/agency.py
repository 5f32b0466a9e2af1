"""What workspace.toml and officers.toml hold: the agency profile, its document settings, the other
agencies kept, and the register of officers (行政执法人员清单)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

WORKSPACE_VERSION = 1


class DocumentSettings(BaseModel):
    """What the agency's documents print that is not a case fact ([documents] in workspace.toml)."""

    model_config = ConfigDict(extra="forbid")

    phone: str = ""  # 联系电话 on 告知书 and 决定书
    address: str = ""  # 机关地址
    handling_unit: str = ""  # 承办机构（法制审核意见书的主送单位）, when officers.toml names none
    payment_bank: str = ""  # 罚没款代收银行
    payment_account_name: str = ""
    payment_account: str = ""
    payment_place: str = ""  # 缴款地点或电子缴款途径
    numbering: dict[str, str] = Field(default_factory=dict)  # 文书代码 → 文号字, over doc_templates/texts.toml


class Agency(BaseModel):
    """Another agency whose cases the workspace keeps ([[agencies]] in workspace.toml): its
    机关代字 heads the 文号 of its documents."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    short_name: str = ""  # 文号 prefix, e.g. 清应急


class AgencyProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = WORKSPACE_VERSION
    name: str = Field(min_length=1)  # 执法机关全称
    short_name: str = ""  # 文号 prefix, e.g. 陵自然资
    region: str = ""  # 行政区划
    level: str = "县级"
    sector: str = ""  # 市场监管 / 自然资源 / …
    rules_profile: str = "national"  # a profile under casefile/data/profiles/
    # A workspace that serves several sectors (a county's enforcement-supervision
    # office) names a rules profile per sector; cases of other sectors use rules_profile.
    sector_profiles: dict[str, str] = Field(default_factory=dict)
    actor: str = ""  # who appends to journals from this workspace (else the OS user)
    # who may read the workspace's files: "owner" (0600 / 0700) or "group" (0660 / 0770), whatever the umask
    file_access: Literal["owner", "group"] = "owner"
    # CASEFILE_USER may name the acting user (casefile.store.users): the demo and the tests; never a real agency's
    user_from_env: bool = False
    publicity_agency_seal: str = ""
    documents: DocumentSettings = Field(default_factory=DocumentSettings)
    # folders of further case-type declarations (casefile.law.casetypes), relative to the workspace:
    # a type such as 行政征收 is added by a file there, with its rule pack in <folder>/rules/
    case_type_dirs: list[str] | None = None
    agencies: list[Agency] = Field(default_factory=list)  # other agencies whose cases are kept here

    def short_name_of(self, agency: str) -> str:
        """The 机关代字 of the workspace's own agency or of one of its [[agencies]] ('' when unknown)."""
        if not agency or agency == self.name:
            return self.short_name
        return next((a.short_name for a in self.agencies if a.name == agency), "")


class Officer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    certificate: str = Field(min_length=1)  # 执法证号
    unit: str = ""
    title: str = ""
    categories: list[str] = Field(default_factory=list)  # 执法类别 / 领域
    region: str = ""
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    legal_qualification: bool = False  # 法律职业资格 (reviewers first appointed after 2021)
    roles: list[str] = Field(default_factory=list)  # 承办人 / 法制审核 / 负责人

    def valid_on(self, day: dt.date) -> bool:
        if self.valid_from and day < self.valid_from:
            return False
        if self.valid_to and day > self.valid_to:
            return False
        return True


class OfficerRegister(BaseModel):
    model_config = ConfigDict(extra="forbid")

    officers: list[Officer] = Field(default_factory=list)

    def by_certificate(self, cert: str) -> Officer | None:
        for o in self.officers:
            if o.certificate == cert:
                return o
        return None

    def by_name(self, name: str) -> list[Officer]:
        return [o for o in self.officers if o.name == name]

    def lookup(self, ref: str) -> Officer | None:
        """An officer by certificate number or, if unique, by name."""
        o = self.by_certificate(ref)
        if o:
            return o
        named = self.by_name(ref)
        return named[0] if len(named) == 1 else None
