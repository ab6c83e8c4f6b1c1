"""The township social-security self-service kiosk (社保自助服务一体机)."""

__version__ = "0.1.0"
