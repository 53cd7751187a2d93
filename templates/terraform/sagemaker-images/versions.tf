terraform {
  required_version = "{{ required_version }}"
}
