"""Typed settings, read from the environment (``ACCORDS_`` prefix) or a ``.env`` file.

Built by :func:`get_settings`, never at import time, so tests and faces can build their own.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from accords.errors import ConfigError


class WebhookSettings(BaseSettings):
    """One webhook endpoint that receives signed JSON notifications."""

    url: str = Field(description="Where notifications are POSTed.")
    secret: str = Field(description="Shared secret for the X-Accords-Signature HMAC-SHA256 header.")

    @field_validator("secret")
    @classmethod
    def _no_placeholder(cls, value: str) -> str:
        if value.strip().lower() in {"", "changeme", "change-me", "secret"}:
            raise ValueError("webhook secret is a placeholder; set a real one")
        return value


class Settings(BaseSettings):
    """Everything accords can be configured with."""

    model_config = SettingsConfigDict(env_prefix="ACCORDS_", env_file=".env", extra="ignore",
                                      env_nested_delimiter="__")

    database_url: str = Field(
        default="sqlite:///accords.db",
        description="SQLAlchemy URL of the store; SQLite file by default, PostgreSQL for teams.",
    )
    user: str = Field(default="analyst", description="Name recorded on review transitions.")
    timezone: str = Field(default="UTC", description="IANA zone used to show times (stored in UTC).")
    base_currency: str = Field(default="EUR", description="Currency the ledger converts into.")
    webhooks: list[WebhookSettings] = Field(default_factory=list,
                                            description="Endpoints that receive notifications.")
    notify_thresholds_hours: list[float] = Field(
        default_factory=lambda: [12.0, 2.0],
        description="Hours before a consultation deadline at which a reminder is sent.",
    )
    expiry_notice_days: int = Field(default=90, description="Days before an agreement expires to notify.")
    max_document_bytes: int = Field(default=50_000_000,
                                    description="Documents larger than this are refused.")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        tail = self.database_url.split("///", 1)[-1]
        return Path(tail) if tail and tail != ":memory:" else None


def get_settings(**overrides: object) -> Settings:
    """Build settings from the environment, with explicit overrides on top."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except Exception as exc:  # pydantic's ValidationError: make it one readable line
        first = str(exc).splitlines()
        detail = " ".join(line.strip() for line in first[1:3]) if len(first) > 1 else str(exc)
        raise ConfigError(f"invalid settings: {detail}",
                          "check the ACCORDS_* environment variables and .env") from None
