"""Configuration values of the extension, validated once at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.errors import ConfigError

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: The stages a plan goes through before adoption, in order.
STAGES = ('素案', '案', '策定')


def check_stage(app: Sphinx, config: Config) -> None:
    if config.vision_stage not in STAGES:
        raise ConfigError(
            f'vision_stage must be one of {", ".join(STAGES)}; got {config.vision_stage!r}'
        )


def setup(app: Sphinx) -> None:
    app.add_config_value('vision_stage', '素案', 'env', types=frozenset({str}))
    app.add_config_value('vision_readings', 'data/readings.yaml', 'env', types=frozenset({str}))
    app.connect('config-inited', check_stage)
