"""The base of the extension's post-transforms that depend on the builder."""

from __future__ import annotations

from typing import Any

from sphinx.transforms.post_transforms import SphinxPostTransform


class BuilderPostTransform(SphinxPostTransform):
    @property
    def builder(self) -> Any:
        """The builder (its class where Sphinx keeps that, as 8.1 and later do)."""
        builder = getattr(self.env, "_builder_cls", None)
        return builder if builder is not None else self.app.builder
