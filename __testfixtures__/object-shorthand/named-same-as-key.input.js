// The name equals the key and is not used inside: .name stays 'render'.
var view = {
  render: function render(data) {
    return template(data);
  },
};
