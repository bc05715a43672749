"""The data package: the Frictionless descriptor of the CSV tables."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from natocorpus.downloads.table_rows import first_day
from natocorpus.downloads.table_schema import Column, tables
from natocorpus.model import AnnotatedCorpus, PartialDate

# The version of the tables' layout: the major number changes when a column is removed or changes
# meaning, the minor when a table or column is added.
DATA_VERSION = "2.0.0"


def created(corpus: AnnotatedCorpus) -> str:
    """When the data was made, the same on every build of the same corpus: SOURCE_DATE_EPOCH where
    it is set (reproducible builds), otherwise the first day of the latest publication date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    else:
        dates = [a.meta.published.value for a in corpus.articles]
        latest = max(dates, key=lambda d: d.sort_key) if dates else PartialDate(1970)
        moment = dt.datetime.combine(first_day(latest), dt.time(), dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def datapackage(corpus: AnnotatedCorpus, homepage: str | None = None) -> dict[str, Any]:
    """The Frictionless descriptor of the CSV tables: their columns with types, enumerations and
    ranges, primary keys and the foreign keys between them. `homepage` is the site's absolute
    address, where it is known."""
    licence = corpus.settings.licence
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "natocorpus",
        "title": corpus.settings.title,
        "description": corpus.settings.description,
        "version": DATA_VERSION,
        "created": created(corpus),
    }
    if homepage:
        package["homepage"] = homepage
    package["licenses"] = [{"name": licence.name, "path": licence.url, "title": licence.name}]
    package["resources"] = [
        {
            "name": name,
            "path": f"{name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {
                "fields": [_field_descriptor(column) for column in table.columns],
                "primaryKey": list(table.primary_key),
                **(
                    {
                        "foreignKeys": [
                            {"fields": column, "reference": {"resource": other, "fields": "id"}}
                            for column, other in table.foreign_keys
                        ]
                    }
                    if table.foreign_keys
                    else {}
                ),
            },
        }
        for name, table in tables(corpus).items()
    ]
    return package


def _field_descriptor(column: Column) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "name": column.name,
        "type": column.type,
        "description": column.description,
    }
    if column.constraints:
        descriptor["constraints"] = dict(column.constraints)
    return descriptor
