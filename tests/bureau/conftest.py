import pytest

from bureau.roles import Role


@pytest.fixture
def campus(world, client):
    """A client logged in as the administration centre (行管中心), which keeps the registers."""
    client.force_login(world.users[Role.ADMIN_CENTRE])
    return client
