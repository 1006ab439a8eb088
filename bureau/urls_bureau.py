from bureau.views.core import BUILDINGS, DEPARTMENTS, OCCUPANCY, ROOMS

app_name = "bureau"

urlpatterns = [*DEPARTMENTS.urls(), *BUILDINGS.urls(), *ROOMS.urls(), *OCCUPANCY.urls()]
