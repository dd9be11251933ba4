exports.getThing = async function (id) { return { id: id }; };
